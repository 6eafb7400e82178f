// Vigil's native module. Node-API only (NAPI_VERSION 8), so one binary loads in Node and in
// Electron without a rebuild per ABI. External ArrayBuffers are disabled at compile time
// (NODE_API_NO_EXTERNAL_BUFFERS_ALLOWED): Electron's V8 memory cage forbids them, so every
// buffer this module returns is allocated by V8 and filled by copy.
//
// This file holds the module's identity, which the loader checks so a stale or foreign binary
// is refused, and registers each part: the wall layout engine (src/wall/) and the software
// decoder (decoder.h).
#include <napi.h>

#include "wall/wall_napi.h"
#include "decoder.h"

namespace {

constexpr const char* kModuleName = "vigil_native";
constexpr uint32_t kInterfaceVersion = 3;  // bump when the JavaScript-facing API changes

Napi::Value Info(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  Napi::Object out = Napi::Object::New(env);
  out.Set("name", kModuleName);
  out.Set("interfaceVersion", kInterfaceVersion);
  out.Set("napiVersion", NAPI_VERSION);
  uint32_t runtime_napi = 0;
  if (napi_get_version(env, &runtime_napi) != napi_ok) {
    Napi::Error::New(env, "napi_get_version failed").ThrowAsJavaScriptException();
    return env.Undefined();
  }
  out.Set("runtimeNapiVersion", runtime_napi);
  return out;
}

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  exports.Set("info", Napi::Function::New(env, Info, "info"));
  vigil::wall::RegisterWallLayout(env, exports);
  vigil::InitDecoder(env, exports);
  return exports;
}

}  // namespace

NODE_API_MODULE(vigil_native, Init)
