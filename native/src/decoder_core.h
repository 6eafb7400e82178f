// The libavcodec half of the software decoder: no Node-API here, so it runs on any thread and
// the memory checker can exercise it on its own. One DecoderCore is one stream's decoder state;
// callers serialise calls on it (decoder.cc runs one job per stream at a time).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

struct AVCodecContext;
struct AVFrame;
struct AVPacket;

namespace vigil {

// Limits that keep hostile input from costing unbounded memory: one access unit, and the
// picture size libavcodec may allocate for (it refuses larger SPSs itself through max_pixels).
constexpr size_t kMaxInputBytes = 16 * 1024 * 1024;
constexpr int kMaxDimension = 8192;

struct FrameDeleter {
  void operator()(AVFrame* f) const;
};
using FramePtr = std::unique_ptr<AVFrame, FrameDeleter>;

// A decoded picture kept as libavcodec's own reference-counted frame, so the only copy made is
// the one into the V8 buffer on the main thread (which also drops the strides).
struct DecodedFrame {
  FramePtr frame;
  int width = 0;
  int height = 0;
  int64_t timestamp_us = 0;
  bool keyframe = false;
  bool full_range = false;
  size_t PackedSize() const;
  // Writes Y, U, V tightly packed (I420, no padding) into dst, which holds PackedSize() bytes.
  void PackI420(uint8_t* dst) const;
};

class DecoderCore {
 public:
  // codec is "h264" or "h265"; threads is libavcodec's thread_count (0 = its own choice).
  // Returns nullptr and sets error when the codec is unknown or cannot be opened.
  static std::unique_ptr<DecoderCore> Open(const std::string& codec, int threads, std::string* error);
  ~DecoderCore();
  DecoderCore(const DecoderCore&) = delete;
  DecoderCore& operator=(const DecoderCore&) = delete;

  // Decodes one Annex B access unit; appends whatever pictures became ready. On failure returns
  // false with a message; the decoder stays usable (the next keyframe resynchronises it).
  bool Decode(const uint8_t* data, size_t size, int64_t timestamp_us, std::vector<DecodedFrame>* out,
              std::string* error);
  // Drains the pictures held for reordering or by frame threads, then resets for more input.
  bool Flush(std::vector<DecodedFrame>* out, std::string* error);

 private:
  DecoderCore() = default;
  bool Drain(std::vector<DecodedFrame>* out, std::string* error);

  AVCodecContext* context_ = nullptr;
  AVPacket* packet_ = nullptr;
};

}  // namespace vigil
