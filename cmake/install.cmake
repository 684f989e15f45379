# What `cmake --install` and the Debian package hold:
#   bin/flowlint
#   share/man/man1/flowlint.1.gz, the shell completions  (what the built
#     binary's `man` and `completions` print from its tables)
#   share/flowlint/  the rule pages and data, the git hook, the editor
#     recipes, and flow.schema.json (what the built binary's
#     `schema --builtin` prints)
# `cmake --build build --target package` makes flowlint_VERSION_ARCH.deb,
# its dependencies computed by dpkg-shlibdeps.
include(GNUInstallDirs)

set(DOCS_DIR ${CMAKE_BINARY_DIR}/docs)
set(DOCS ${DOCS_DIR}/flowlint.1.gz ${DOCS_DIR}/flowlint.bash
  ${DOCS_DIR}/_flowlint ${DOCS_DIR}/flowlint.fish
  ${DOCS_DIR}/flow.schema.json)
add_custom_command(
  OUTPUT ${DOCS}
  COMMAND ${CMAKE_COMMAND} -DFLOWLINT=$<TARGET_FILE:flowlint> -DOUT=${DOCS_DIR}
          -P ${CMAKE_SOURCE_DIR}/cmake/docs.cmake
  DEPENDS flowlint ${CMAKE_SOURCE_DIR}/cmake/docs.cmake
  COMMENT "Writing the man page, shell completions and JSON Schema"
  VERBATIM)
add_custom_target(flowlint_docs ALL DEPENDS ${DOCS})

install(TARGETS flowlint RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES ${DOCS_DIR}/flowlint.1.gz
  DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${DOCS_DIR}/flowlint.bash
  DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
  RENAME flowlint)
install(FILES ${DOCS_DIR}/_flowlint
  DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)
install(FILES ${DOCS_DIR}/flowlint.fish
  DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d)
install(DIRECTORY ${CMAKE_SOURCE_DIR}/rules ${CMAKE_SOURCE_DIR}/editors
  DESTINATION ${CMAKE_INSTALL_DATADIR}/flowlint)
install(FILES ${DOCS_DIR}/flow.schema.json
  DESTINATION ${CMAKE_INSTALL_DATADIR}/flowlint)
install(PROGRAMS ${CMAKE_SOURCE_DIR}/hooks/pre-commit
  DESTINATION ${CMAKE_INSTALL_DATADIR}/flowlint/hooks)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME flowlint)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
  "linter, fixer and formatter for Amazon Connect contact-flow exports")
set(CPACK_PACKAGE_CONTACT "flowlint maintainers <flowlint@flowlint.invalid>"
  CACHE STRING "the Debian package's Maintainer")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE ${FLOWLINT_HOMEPAGE})
# The run-time libraries the binary links (libgit2, PCRE2, libc),
# not their -dev packages.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# The git hook runs git; man-db shows the man page.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "git, man-db")
include(CPack)
