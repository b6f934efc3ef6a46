# Two builds of the same source: "portable" runs on any CPU of the architecture; "native" is
# tuned for the CPU it is built on (-march=native: hnswlib's AVX/AVX-512 distance kernels and
# auto-vectorization). The loader (src/storage/memory/native.ts) uses "native" only when
# the CPU it runs on has every feature of the one it was built on (build.mjs records them).
{
  "variables": {
    "native_cflags%": "-march=native"
  },
  "target_defaults": {
    "sources": ["src/hnsw.cc"],
    "include_dirs": ["<!(node -p \"require('node-addon-api').include_dir\")"],
    "defines": ["NAPI_DISABLE_CPP_EXCEPTIONS", "NAPI_VERSION=8"],
    "cflags!": ["-fno-exceptions"],
    "cflags_cc!": ["-fno-exceptions"],
    # The vendored hnswlib headers warn about unused helpers and unsigned compares: not ours to edit.
    "cflags_cc": ["-O3", "-std=c++17", "-fopenmp-simd", "-Wno-unused-variable", "-Wno-unused-function", "-Wno-type-limits", "-Wno-uninitialized"],
    "xcode_settings": {
      "GCC_ENABLE_CPP_EXCEPTIONS": "YES",
      "CLANG_CXX_LANGUAGE_STANDARD": "c++17",
      "GCC_OPTIMIZATION_LEVEL": "3"
    },
    "msvs_settings": { "VCCLCompilerTool": { "ExceptionHandling": 1 } }
  },
  "targets": [
    { "target_name": "hnsw_portable" },
    {
      "target_name": "hnsw_native",
      "cflags_cc": ["<@(native_cflags)"],
      "xcode_settings": { "OTHER_CPLUSPLUSFLAGS": ["<@(native_cflags)"] }
    }
  ]
}
