# The software decoder's part of the vigil_native target (included from binding.gyp): its
# sources and libavcodec, found through pkg-config (Debian: libavcodec-dev, libavutil-dev).
{
  "sources": ["src/decoder.cc", "src/decoder_core.cc"],
  "cflags_cc": ["<!@(pkg-config --cflags libavcodec libavutil)"],
  "libraries": ["<!@(pkg-config --libs libavcodec libavutil)"]
}
