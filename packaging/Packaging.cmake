# SPDX-License-Identifier: GPL-3.0-or-later
# Installation layout and a Debian package (CPack DEB). qt_generate_deploy_app_script
# does not work on Linux with Qt 6.4, so the package depends on the distribution's
# Qt libraries instead of bundling them.
include(GNUInstallDirs)
install(FILES ${CMAKE_CURRENT_LIST_DIR}/dev.streamwright.Streamwright.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${CMAKE_CURRENT_LIST_DIR}/dev.streamwright.Streamwright.metainfo.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(FILES ${CMAKE_CURRENT_LIST_DIR}/streamwright.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps
        RENAME dev.streamwright.Streamwright.svg)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/resources/examples/
        DESTINATION ${CMAKE_INSTALL_DATADIR}/streamwright/examples)

set(CPACK_PACKAGE_NAME "streamwright")
set(CPACK_PACKAGE_VENDOR "Streamwright")
set(CPACK_PACKAGE_CONTACT "Streamwright developers <dev@streamwright.dev>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_GENERATOR "DEB")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "devel")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PROJECT_HOMEPAGE_URL}")
# Debian 12 package names of everything the two executables link.
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "libqt6core6 (>= 6.4), libqt6gui6 (>= 6.4), libqt6widgets6 (>= 6.4), libqt6network6, libqt6httpserver6, \
libqt6websockets6, libqt6charts6, libqt6svg6, qt6-qpa-plugins, libqscintilla2-qt6-15, libqt6keychain1, \
librdkafka1, libsimdjson14, libsqlite3-0")
include(CPack)
