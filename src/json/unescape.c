/*
 * JSON string escapes: decoding, and the map from decoded offsets back to
 * raw text offsets that lets findings inside a decoded string (the
 * stringified `Content`) be reported at their position in the file.
 */
#include "json/unescape.h"

#include <string.h>

#include "json/swar.h"
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

/*
 * One map entry (none without a map).  Where an escape ends: `dec` grows
 * strictly, as every escape decodes to at least one byte, and the
 * escape's start needs none, since the bytes since the previous entry
 * map one to one.
 */
static inline void
mark(struct fl_json_offmap_entry **next, size_t dec, size_t raw)
{
	if (*next == NULL)
		return;
	(*next)->dec = (uint32_t)dec;
	(*next)->raw = (uint32_t)raw;
	(*next)++;
}

size_t
fl_json_unescape(char *dst, const char *src, size_t n,
    struct fl_json_offmap_entry *map, uint32_t *map_count, uint32_t raw_base)
{
	char scratch[4];	/* where escapes decode when dst is NULL */
	size_t i = 0, o = 0;
	/* The next entry, a local: stores through map_count would alias
	 * the entries and be redone at every escape. */
	struct fl_json_offmap_entry *next = map;

	mark(&next, 0, raw_base);
	while (i < n) {
		unsigned cp;
		char *w;

		/*
		 * In a stringified document every quote is escaped, so runs
		 * are a few bytes long: copying 8 bytes at a time inline beats
		 * a memchr and a memcpy call per run.  All 8 are copied even
		 * when a backslash is among them: o <= i, so dst has room,
		 * and what follows it is overwritten.
		 */
		while (n - i >= 8) {
			uint64_t m = fl_swar_eq(fl_swar_load(src + i), '\\');
			size_t run = m != 0 ? fl_swar_first(m) : 8;

			if (dst != NULL)
				memcpy(dst + o, src + i, 8);
			i += run;
			o += run;
			if (run == 8)
				continue;
			/* \" \\ and \/, the bulk, stand for their second byte. */
			if (src[i + 1] != '"' && src[i + 1] != '\\' &&
			    src[i + 1] != '/')
				break;
			if (dst != NULL)
				dst[o] = src[i + 1];
			o++;
			i += 2;
			mark(&next, o, raw_base + i);
		}
		for (; i < n && src[i] != '\\'; i++, o++)
			if (dst != NULL)
				dst[o] = src[i];
		if (i >= n)
			break;
		w = dst != NULL ? dst + o : scratch;
		switch (src[i + 1]) {
		case 'b': *w = '\b'; o++; i += 2; break;
		case 'f': *w = '\f'; o++; i += 2; break;
		case 'n': *w = '\n'; o++; i += 2; break;
		case 'r': *w = '\r'; o++; i += 2; break;
		case 't': *w = '\t'; o++; i += 2; break;
		case 'u':
			cp = hex4(src + i + 2);
			i += 6;
			if (cp >= 0xd800 && cp <= 0xdbff) {
				/* Validated: a low surrogate escape follows. */
				cp = 0x10000 + ((cp - 0xd800) << 10) +
				    (hex4(src + i + 2) - 0xdc00);
				i += 6;
			}
			o += put_utf8(w, cp);
			break;
		default:	/* '"', '\\' and '/' stand for themselves */
			*w = src[i + 1];
			o++;
			i += 2;
			break;
		}
		mark(&next, o, raw_base + i);
	}
	if (map != NULL)
		*map_count = (uint32_t)(next - map);
	if (dst != NULL)
		dst[o] = '\0';
	return o;
}

void
fl_json_decode_mapped(struct fl_str *out, struct fl_json_offmap *map,
    struct fl_arena *arena, const struct fl_json_doc *d, uint32_t i)
{
	const struct fl_json_node *n = &d->nodes[i];
	const char *raw;
	size_t raw_len;
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
	/* One entry per escape, which the parser has counted. */
	map->v = fl_arena_array(arena, 1 + n->escapes, sizeof(*map->v));
	if (n->flags & FL_JSON_F_ESCAPED) {
		/*
		 * The parser has decoded it already (NUL-terminated, in the
		 * document's arena): only the map is left to build, which
		 * spares a second copy of what may be a 50 MB Content.
		 */
		fl_json_unescape(NULL, raw, raw_len, map->v, &map->count,
		    n->off + 1);
		*out = n->str;
		return;
	}
	buf = fl_arena_alloc(arena, raw_len + 1);
	len = fl_json_unescape(buf, raw, raw_len, map->v, &map->count,
	    n->off + 1);
	*out = fl_str_make(buf, len);
}

void
fl_json_decode_raw(struct fl_json_doc *d, struct fl_arena *arena,
    uint32_t node, struct fl_str decoded)
{
	uint32_t i;

	for (i = FL_JSON_ROOT; i < d->count; i++) {
		struct fl_json_node *n = &d->nodes[i];

		if (!(n->flags & FL_JSON_F_RAW))
			continue;
		if (i == node) {
			n->str = decoded;
		} else {
			char *buf = fl_arena_alloc(arena, n->len - 1);

			n->str = fl_str_make(buf, fl_json_unescape(buf,
			    d->text + n->off + 1, n->len - 2, NULL, NULL, 0));
		}
		n->flags = (uint8_t)((n->flags & ~FL_JSON_F_RAW) |
		    FL_JSON_F_ESCAPED);
	}
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
