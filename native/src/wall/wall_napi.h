// The wall layout engine's JavaScript face: computeLayout and mapPoint on the module's exports.
#pragma once

#include <napi.h>

namespace vigil::wall {

void RegisterWallLayout(Napi::Env env, Napi::Object exports);

}  // namespace vigil::wall
