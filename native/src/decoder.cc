// The JavaScript face of the software decoder: `new Decoder({codec, threads})`, and
// `decode(accessUnit, timestampUs)` / `flush()` returning promises of frames, `close()`.
//
// libavcodec runs on libuv's worker pool (Napi::AsyncWorker). One stream's jobs must run in
// order and never at the same time, so each Decoder queues its jobs and starts the next only
// when the previous one has settled; different streams' jobs run in parallel on the pool.
// The decoder state is shared with the running job, so close() or garbage collection during a
// decode frees it only when that job lets go.
#include "decoder.h"

#include <cstring>
#include <deque>
#include <memory>
#include <string>
#include <vector>

#include "decoder_core.h"

extern "C" {
#include <libavutil/log.h>
}

namespace vigil {

namespace {

constexpr int kMaxThreads = 16;

struct Job {
  bool flush = false;
  std::vector<uint8_t> input;  // copied at the call: the caller may reuse its buffer at once
  int64_t timestamp_us = 0;
  Napi::Promise::Deferred deferred;
};

class Decoder;

class DecodeWorker : public Napi::AsyncWorker {
 public:
  DecodeWorker(Decoder* owner, Napi::Object receiver, std::shared_ptr<DecoderCore> core, Job job);
  void Execute() override;
  void OnOK() override;
  void OnError(const Napi::Error& error) override;

 private:
  Decoder* owner_;
  Napi::ObjectReference keep_alive_;  // the JavaScript Decoder, so owner_ outlives this job
  std::shared_ptr<DecoderCore> core_;
  Job job_;
  std::vector<DecodedFrame> frames_;
};

class Decoder : public Napi::ObjectWrap<Decoder> {
 public:
  static Napi::Function Define(Napi::Env env) {
    return DefineClass(env, "Decoder",
                       {InstanceMethod<&Decoder::DecodeMethod>("decode"), InstanceMethod<&Decoder::FlushMethod>("flush"),
                        InstanceMethod<&Decoder::CloseMethod>("close")});
  }

  explicit Decoder(const Napi::CallbackInfo& info) : Napi::ObjectWrap<Decoder>(info) {
    Napi::Env env = info.Env();
    if (info.Length() < 1 || !info[0].IsObject()) {
      Napi::TypeError::New(env, "Decoder needs options {codec: 'h264'|'h265', threads?}").ThrowAsJavaScriptException();
      return;
    }
    Napi::Object options = info[0].As<Napi::Object>();
    Napi::Value codec = options.Get("codec");
    if (!codec.IsString()) {
      Napi::TypeError::New(env, "options.codec must be 'h264' or 'h265'").ThrowAsJavaScriptException();
      return;
    }
    int threads = 1;
    Napi::Value t = options.Get("threads");
    if (!t.IsUndefined()) {
      const double d = t.IsNumber() ? t.As<Napi::Number>().DoubleValue() : -1;
      if (!(d >= 0 && d <= kMaxThreads) || d != static_cast<int>(d)) {
        Napi::RangeError::New(env, "options.threads must be an integer from 0 to 16").ThrowAsJavaScriptException();
        return;
      }
      threads = static_cast<int>(d);
    }
    std::string error;
    std::unique_ptr<DecoderCore> core = DecoderCore::Open(codec.As<Napi::String>().Utf8Value(), threads, &error);
    if (!core) {
      Napi::Error::New(env, error).ThrowAsJavaScriptException();
      return;
    }
    core_ = std::move(core);
  }

  // Called by the worker on the main thread once its promise has settled.
  void JobDone() {
    busy_ = false;
    StartNext();
  }

 private:
  Napi::Value DecodeMethod(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    if (info.Length() < 2 || !info[0].IsTypedArray() ||
        info[0].As<Napi::TypedArray>().TypedArrayType() != napi_uint8_array || !info[1].IsNumber()) {
      Napi::TypeError::New(env, "decode(accessUnit: Uint8Array, timestampUs: number)").ThrowAsJavaScriptException();
      return env.Undefined();
    }
    Napi::Uint8Array bytes = info[0].As<Napi::Uint8Array>();
    Job job{false, {}, static_cast<int64_t>(info[1].As<Napi::Number>().Int64Value()), Napi::Promise::Deferred::New(env)};
    Napi::Promise promise = job.deferred.Promise();
    if (bytes.ByteLength() == 0 || bytes.ByteLength() > kMaxInputBytes) {
      job.deferred.Reject(Napi::RangeError::New(env, "access unit of " + std::to_string(bytes.ByteLength()) +
                                                         " bytes (1 to 16 MiB allowed)").Value());
      return promise;
    }
    job.input.assign(bytes.Data(), bytes.Data() + bytes.ByteLength());
    Enqueue(std::move(job));
    return promise;
  }

  Napi::Value FlushMethod(const Napi::CallbackInfo& info) {
    Job job{true, {}, 0, Napi::Promise::Deferred::New(info.Env())};
    Napi::Promise promise = job.deferred.Promise();
    Enqueue(std::move(job));
    return promise;
  }

  // Idempotent. Jobs not yet started are rejected; a running one finishes and settles.
  Napi::Value CloseMethod(const Napi::CallbackInfo& info) {
    closed_ = true;
    while (!pending_.empty()) {
      pending_.front().deferred.Reject(Napi::Error::New(info.Env(), "decoder closed").Value());
      pending_.pop_front();
    }
    core_.reset();
    return info.Env().Undefined();
  }

  void Enqueue(Job job) {
    if (closed_ || !core_) {
      job.deferred.Reject(Napi::Error::New(Env(), "decoder closed").Value());
      return;
    }
    pending_.push_back(std::move(job));
    StartNext();
  }

  void StartNext() {
    if (busy_ || pending_.empty()) return;
    Job job = std::move(pending_.front());
    pending_.pop_front();
    busy_ = true;
    // The worker holds a reference to this object, so it cannot be collected while busy.
    (new DecodeWorker(this, Value(), core_, std::move(job)))->Queue();
  }

  std::shared_ptr<DecoderCore> core_;
  std::deque<Job> pending_;
  bool busy_ = false;
  bool closed_ = false;
};

DecodeWorker::DecodeWorker(Decoder* owner, Napi::Object receiver, std::shared_ptr<DecoderCore> core, Job job)
    : Napi::AsyncWorker(receiver.Env(), "vigil:decode"),
      owner_(owner),
      keep_alive_(Napi::Persistent(receiver)),
      core_(std::move(core)), job_(std::move(job)) {}

void DecodeWorker::Execute() {
  std::string error;
  const bool ok = job_.flush ? core_->Flush(&frames_, &error)
                             : core_->Decode(job_.input.data(), job_.input.size(), job_.timestamp_us, &frames_, &error);
  job_.input = std::vector<uint8_t>();
  // Drop this job's share of the decoder here, so a close() during the job frees it on this
  // worker thread rather than on the main thread (freeing joins libavcodec's threads).
  core_.reset();
  if (!ok) {
    frames_.clear();
    SetError(error);
  }
}

void DecodeWorker::OnOK() {
  Napi::Env env = Env();
  Napi::Array out = Napi::Array::New(env, frames_.size());
  for (size_t i = 0; i < frames_.size(); i++) {
    const DecodedFrame& f = frames_[i];
    // A V8-owned buffer filled by copy: external buffers are refused by Electron's memory cage.
    // Allocating and filling it costs ~1.1 ms of main-thread CPU per 1080p picture (measured in
    // Node 24; a Buffer without zero-filling measured the same, the kernel's pages come zeroed).
    Napi::Uint8Array data = Napi::Uint8Array::New(env, f.PackedSize());
    f.PackI420(data.Data());
    Napi::Object frame = Napi::Object::New(env);
    frame.Set("width", f.width);
    frame.Set("height", f.height);
    frame.Set("format", "I420");
    frame.Set("timestampUs", static_cast<double>(f.timestamp_us));
    frame.Set("keyframe", f.keyframe);
    frame.Set("fullRange", f.full_range);
    frame.Set("data", data);
    out.Set(static_cast<uint32_t>(i), frame);
  }
  frames_.clear();
  job_.deferred.Resolve(out);
  owner_->JobDone();
}

void DecodeWorker::OnError(const Napi::Error& error) {
  job_.deferred.Reject(error.Value());
  owner_->JobDone();
}

}  // namespace

void InitDecoder(Napi::Env env, Napi::Object exports) {
  // libavcodec reports every damaged slice on stderr; the errors that matter reach the caller
  // as rejected promises, and a camera with a bad link would otherwise flood the log.
  av_log_set_level(AV_LOG_FATAL);
  exports.Set("Decoder", Decoder::Define(env));
}

}  // namespace vigil
