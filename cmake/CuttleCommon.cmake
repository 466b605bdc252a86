# Settings every Cuttle target shares.
add_library(cuttle_common_settings INTERFACE)
target_compile_definitions(cuttle_common_settings INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_USE_QSTRINGBUILDER
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_DISABLE_DEPRECATED_UP_TO=0x060400)
target_compile_options(cuttle_common_settings INTERFACE -Wall -Wextra -Wno-missing-field-initializers)
if(CUTTLE_SANITIZE)
    target_compile_options(cuttle_common_settings INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_link_options(cuttle_common_settings INTERFACE -fsanitize=address,undefined)
endif()

# cuttle_add_library(name SOURCES ... DEPENDS ...): a static library of one layer.
function(cuttle_add_library name)
    cmake_parse_arguments(ARG "" "" "SOURCES;DEPENDS" ${ARGN})
    add_library(${name} STATIC ${ARG_SOURCES})
    target_link_libraries(${name} PUBLIC cuttle_common_settings ${ARG_DEPENDS})
    target_include_directories(${name} PUBLIC ${PROJECT_SOURCE_DIR})
endfunction()

# cuttle_add_test(tst_name SOURCES ... DEPENDS ... [LABELS ...] [WRAPPER cmd...] [GUI] [NO_SANITIZE])
# One executable per test. Unit tests (label "unit") also run in the sanitizer build.
function(cuttle_add_test name)
    cmake_parse_arguments(ARG "GUI" "TIMEOUT" "SOURCES;DEPENDS;LABELS;WRAPPER" ${ARGN})
    add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE cuttle_common_settings Qt6::Test cuttle_test_support ${ARG_DEPENDS})
    if(ARG_WRAPPER)
        add_test(NAME ${name} COMMAND ${ARG_WRAPPER} $<TARGET_FILE:${name}>)
    else()
        add_test(NAME ${name} COMMAND ${name})
    endif()
    set(env "QT_QPA_PLATFORM=offscreen" "CUTTLE_SOURCE_DIR=${PROJECT_SOURCE_DIR}" "CUTTLE_BINARY_DIR=${PROJECT_BINARY_DIR}")
    set_tests_properties(${name} PROPERTIES ENVIRONMENT "${env}" LABELS "${ARG_LABELS}")
    if(ARG_TIMEOUT)
        set_tests_properties(${name} PROPERTIES TIMEOUT ${ARG_TIMEOUT})
    endif()
endfunction()

# cuttle_add_layer(name DEPENDS ...): the library of one model/ or views/ folder, made of
# every source file in it and its subfolders, so that adding a file needs no CMake edit.
function(cuttle_add_layer name)
    cmake_parse_arguments(ARG "" "" "DEPENDS" ${ARGN})
    file(GLOB_RECURSE sources CONFIGURE_DEPENDS
        ${CMAKE_CURRENT_SOURCE_DIR}/*.cpp ${CMAKE_CURRENT_SOURCE_DIR}/*.h)
    list(FILTER sources INCLUDE REGEX "\\.cpp$")
    if(sources)
        file(GLOB_RECURSE headers CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*.h)
        cuttle_add_library(${name} SOURCES ${sources} ${headers} DEPENDS ${ARG_DEPENDS})
    else()
        add_library(${name} INTERFACE)
        target_link_libraries(${name} INTERFACE cuttle_common_settings ${ARG_DEPENDS})
        target_include_directories(${name} INTERFACE ${PROJECT_SOURCE_DIR})
    endif()
endfunction()
