// Registers the software decoder class (`Decoder`) on the module's exports.
#pragma once

#include <napi.h>

namespace vigil {

void InitDecoder(Napi::Env env, Napi::Object exports);

}  // namespace vigil
