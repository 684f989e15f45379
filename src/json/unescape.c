/*
 * JSON string escapes: decoding, and the map from decoded offsets back to
 * raw text offsets that lets findings inside a decoded string (the
 * stringified `Content`) be reported at their position in the file.
 */
#include "json/unescape.h"

#include <string.h>

#include "util/arena.h"

static unsigned
hex4(const char *s)
{
	unsigned v = 0;
	int k;

	/* The parser has checked that these are four hex digits. */
	for (k = 0; k < 4; k++) {
		unsigned char c = (unsigned char)s[k];

		v <<= 4;
		if (c <= '9')
			v |= (unsigned)(c - '0');
		else
			v |= (unsigned)((c | 0x20) - 'a' + 10);
	}
	return v;
}

static size_t
put_utf8(char *dst, unsigned cp)
{
	if (cp < 0x80) {
		dst[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		dst[0] = (char)(0xc0 | (cp >> 6));
		dst[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		dst[0] = (char)(0xe0 | (cp >> 12));
		dst[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		dst[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	dst[0] = (char)(0xf0 | (cp >> 18));
	dst[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
	dst[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
	dst[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}

static void
map_add(struct fl_json_offmap_entry *map, uint32_t *count, uint32_t dec,
    uint32_t raw)
{
	struct fl_json_offmap_entry *last = &map[*count - 1];

	/*
	 * Two adjacent escapes share a boundary; one entry serves both, which
	 * keeps `dec` strictly increasing.
	 */
	if (last->dec == dec && last->raw == raw)
		return;
	map[*count].dec = dec;
	map[*count].raw = raw;
	(*count)++;
}

size_t
fl_json_unescape(char *dst, const char *src, size_t n,
    struct fl_json_offmap_entry *map, uint32_t *map_count, uint32_t raw_base)
{
	size_t i = 0, o = 0;

	if (map != NULL) {
		map[0].dec = 0;
		map[0].raw = raw_base;
		*map_count = 1;
	}
	while (i < n) {
		const char *bs = memchr(src + i, '\\', n - i);
		size_t run = bs != NULL ? (size_t)(bs - (src + i)) : n - i;
		size_t esc_i, esc_o;
		unsigned cp;

		memcpy(dst + o, src + i, run);
		o += run;
		i += run;
		if (i >= n)
			break;
		esc_i = i;
		esc_o = o;
		switch (src[i + 1]) {
		case 'b': dst[o++] = '\b'; i += 2; break;
		case 'f': dst[o++] = '\f'; i += 2; break;
		case 'n': dst[o++] = '\n'; i += 2; break;
		case 'r': dst[o++] = '\r'; i += 2; break;
		case 't': dst[o++] = '\t'; i += 2; break;
		case 'u':
			cp = hex4(src + i + 2);
			i += 6;
			if (cp >= 0xd800 && cp <= 0xdbff) {
				/* Validated: a low surrogate escape follows. */
				cp = 0x10000 + ((cp - 0xd800) << 10) +
				    (hex4(src + i + 2) - 0xdc00);
				i += 6;
			}
			o += put_utf8(dst + o, cp);
			break;
		default:	/* '"', '\\' and '/' stand for themselves */
			dst[o++] = src[i + 1];
			i += 2;
			break;
		}
		if (map != NULL) {
			map_add(map, map_count, (uint32_t)esc_o,
			    raw_base + (uint32_t)esc_i);
			map_add(map, map_count, (uint32_t)o,
			    raw_base + (uint32_t)i);
		}
	}
	dst[o] = '\0';
	return o;
}

void
fl_json_decode_mapped(struct fl_str *out, struct fl_json_offmap *map,
    struct fl_arena *arena, const struct fl_json_doc *d, uint32_t i)
{
	const struct fl_json_node *n = &d->nodes[i];
	const char *raw, *p, *end;
	size_t raw_len, escapes = 0;
	char *buf;
	size_t len;

	if (n->type != FL_JSON_STRING) {
		*out = fl_str_make(NULL, 0);
		map->v = NULL;
		map->count = 0;
		return;
	}
	raw = d->text + n->off + 1;
	raw_len = n->len - 2;
	end = raw + raw_len;
	/*
	 * Every escape starts with an unescaped backslash, so counting those
	 * bounds the map (a surrogate pair counts twice but needs one pair).
	 */
	for (p = raw; (p = memchr(p, '\\', (size_t)(end - p))) != NULL; p += 2)
		escapes++;
	map->v = fl_arena_array(arena, 1 + 2 * escapes, sizeof(*map->v));
	buf = fl_arena_alloc(arena, raw_len + 1);
	len = fl_json_unescape(buf, raw, raw_len, map->v, &map->count,
	    n->off + 1);
	*out = fl_str_make(buf, len);
}

uint32_t
fl_json_offmap_raw(const struct fl_json_offmap *map, uint32_t dec)
{
	uint32_t lo = 0, hi = map->count;

	if (map->count == 0)
		return dec;
	/* Find the last entry with v[].dec <= dec; v[0].dec is 0. */
	while (hi - lo > 1) {
		uint32_t mid = lo + (hi - lo) / 2;

		if (map->v[mid].dec <= dec)
			lo = mid;
		else
			hi = mid;
	}
	return map->v[lo].raw + (dec - map->v[lo].dec);
}
