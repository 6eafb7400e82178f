// Reads the plain objects JavaScript passes (the shapes of electron/shared/wall/wall-schema.ts)
// into the engine's structs. Only types are checked here, with a TypeError naming the path:
// values are the engine's to judge, so every caller gets the same refusals.
#pragma once

#include <napi.h>

#include "model.h"

namespace vigil::wall {

Wall ReadWall(const Napi::Value& value);
Layout ReadLayout(const Napi::Value& value);
// {row, column} of a monitor; range is checked by the caller.
void ReadMonitorRef(const Napi::Value& value, const std::string& path, int& row, int& column);
double ReadNumber(const Napi::Value& value, const std::string& path);

}  // namespace vigil::wall
