// libavcodec's send/receive loop for one stream. Every libavcodec error becomes a message for
// the caller; nothing here aborts, and every allocation is owned so an early return cannot leak.
#include "decoder_core.h"

#include <cstring>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavutil/error.h>
#include <libavutil/frame.h>
#include <libavutil/pixdesc.h>
}

namespace vigil {

namespace {

// av_err2str is a C compound-literal macro that C++ cannot use.
std::string AvError(const char* what, int code) {
  char buf[AV_ERROR_MAX_STRING_SIZE] = {0};
  av_strerror(code, buf, sizeof buf);
  return std::string(what) + ": " + buf;
}

}  // namespace

void FrameDeleter::operator()(AVFrame* f) const { av_frame_free(&f); }

size_t DecodedFrame::PackedSize() const {
  const size_t cw = (static_cast<size_t>(width) + 1) / 2;
  const size_t ch = (static_cast<size_t>(height) + 1) / 2;
  return static_cast<size_t>(width) * height + 2 * cw * ch;
}

void DecodedFrame::PackI420(uint8_t* dst) const {
  const int cw = (width + 1) / 2;
  const int ch = (height + 1) / 2;
  const int widths[3] = {width, cw, cw};
  const int heights[3] = {height, ch, ch};
  for (int p = 0; p < 3; p++) {
    const uint8_t* src = frame->data[p];
    for (int y = 0; y < heights[p]; y++) {
      std::memcpy(dst, src, widths[p]);
      dst += widths[p];
      src += frame->linesize[p];
    }
  }
}

std::unique_ptr<DecoderCore> DecoderCore::Open(const std::string& codec, int threads, std::string* error) {
  AVCodecID id;
  if (codec == "h264") {
    id = AV_CODEC_ID_H264;
  } else if (codec == "h265") {
    id = AV_CODEC_ID_HEVC;
  } else {
    *error = "unknown codec '" + codec + "' (expected h264 or h265)";
    return nullptr;
  }
  const AVCodec* decoder = avcodec_find_decoder(id);
  if (!decoder) {
    *error = "this libavcodec has no " + codec + " decoder";
    return nullptr;
  }
  std::unique_ptr<DecoderCore> core(new DecoderCore());
  core->context_ = avcodec_alloc_context3(decoder);
  core->packet_ = av_packet_alloc();
  if (!core->context_ || !core->packet_) {
    *error = "out of memory opening the decoder";
    return nullptr;
  }
  core->context_->thread_count = threads;
  core->context_->max_pixels = static_cast<int64_t>(kMaxDimension) * kMaxDimension;
  // Timestamps pass through in microseconds; libavcodec only carries them, never interprets them.
  core->context_->pkt_timebase = AVRational{1, 1000000};
  const int rc = avcodec_open2(core->context_, decoder, nullptr);
  if (rc < 0) {
    *error = AvError("avcodec_open2", rc);
    return nullptr;
  }
  return core;
}

DecoderCore::~DecoderCore() {
  av_packet_free(&packet_);
  avcodec_free_context(&context_);
}

bool DecoderCore::Decode(const uint8_t* data, size_t size, int64_t timestamp_us, std::vector<DecodedFrame>* out,
                         std::string* error) {
  if (size == 0 || size > kMaxInputBytes) {
    *error = "access unit of " + std::to_string(size) + " bytes (1 to " + std::to_string(kMaxInputBytes) + " allowed)";
    return false;
  }
  int rc = av_new_packet(packet_, static_cast<int>(size));
  if (rc < 0) {
    *error = AvError("av_new_packet", rc);
    return false;
  }
  std::memcpy(packet_->data, data, size);
  packet_->pts = timestamp_us;
  packet_->dts = AV_NOPTS_VALUE;
  rc = avcodec_send_packet(context_, packet_);
  av_packet_unref(packet_);
  // Frames were drained after every earlier packet, so EAGAIN cannot happen here; treat it as
  // any other refusal rather than loop.
  if (rc < 0) {
    *error = AvError("avcodec_send_packet", rc);
    return false;
  }
  return Drain(out, error);
}

bool DecoderCore::Flush(std::vector<DecodedFrame>* out, std::string* error) {
  int rc = avcodec_send_packet(context_, nullptr);
  bool ok = true;
  if (rc < 0 && rc != AVERROR_EOF) {
    *error = AvError("avcodec_send_packet (flush)", rc);
    ok = false;
  } else {
    ok = Drain(out, error);
  }
  // After end of stream libavcodec accepts packets again only once its buffers are flushed.
  avcodec_flush_buffers(context_);
  return ok;
}

bool DecoderCore::Drain(std::vector<DecodedFrame>* out, std::string* error) {
  for (;;) {
    FramePtr frame(av_frame_alloc());
    if (!frame) {
      *error = "out of memory receiving a frame";
      return false;
    }
    const int rc = avcodec_receive_frame(context_, frame.get());
    if (rc == AVERROR(EAGAIN) || rc == AVERROR_EOF) return true;
    if (rc < 0) {
      *error = AvError("avcodec_receive_frame", rc);
      return false;
    }
    const auto format = static_cast<AVPixelFormat>(frame->format);
    // yuvj420p is yuv420p with full-range samples: same planes, the flag tells the renderer.
    if (format != AV_PIX_FMT_YUV420P && format != AV_PIX_FMT_YUVJ420P) {
      const char* name = av_get_pix_fmt_name(format);
      *error = std::string("unsupported pixel format ") + (name ? name : "unknown") +
               " (only 8-bit 4:2:0 is decoded; 10-bit and 4:2:2/4:4:4 streams are refused)";
      return false;
    }
    if (frame->width <= 0 || frame->height <= 0 || frame->width > kMaxDimension || frame->height > kMaxDimension) {
      *error = "picture of " + std::to_string(frame->width) + "x" + std::to_string(frame->height) + " is out of bounds";
      return false;
    }
    DecodedFrame decoded;
    decoded.width = frame->width;
    decoded.height = frame->height;
    decoded.timestamp_us = frame->pts != AV_NOPTS_VALUE ? frame->pts : frame->best_effort_timestamp;
#ifdef AV_FRAME_FLAG_KEY  // FFmpeg 6.1 moved the keyframe mark into flags
    decoded.keyframe = (frame->flags & AV_FRAME_FLAG_KEY) != 0;
#else
    decoded.keyframe = frame->key_frame != 0;
#endif
    decoded.full_range = format == AV_PIX_FMT_YUVJ420P || frame->color_range == AVCOL_RANGE_JPEG;
    decoded.frame = std::move(frame);
    out->push_back(std::move(decoded));
  }
}

}  // namespace vigil
