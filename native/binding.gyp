{
  "targets": [
    {
      "target_name": "vigil_native",
      "sources": [
        "src/addon.cc",
        "src/wall/geometry.cc",
        "src/wall/wall_geometry.cc",
        "src/wall/layout_validation.cc",
        "src/wall/layout_engine.cc",
        "src/wall/wall_napi_read.cc",
        "src/wall/wall_napi.cc"
      ],
      "include_dirs": ["<!(node -p \"require('node-addon-api').include_dir\")"],
      "defines": [
        "NAPI_VERSION=8",
        "NODE_ADDON_API_DISABLE_DEPRECATED",
        "NODE_API_NO_EXTERNAL_BUFFERS_ALLOWED"
      ],
      "cflags_cc": ["-std=c++17", "-fexceptions", "-Wall", "-Wextra"],
      "cflags_cc!": ["-fno-exceptions"],
      "includes": ["decoder.gypi"],
      "xcode_settings": { "GCC_ENABLE_CPP_EXCEPTIONS": "YES", "CLANG_CXX_LANGUAGE_STANDARD": "c++17" },
      "msvs_settings": { "VCCLCompilerTool": { "ExceptionHandling": 1 } }
    }
  ]
}
