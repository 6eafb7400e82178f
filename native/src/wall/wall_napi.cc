#include "wall_napi.h"

#include <algorithm>
#include <vector>

#include "layout_engine.h"
#include "wall_geometry.h"
#include "wall_napi_read.h"

namespace vigil::wall {

namespace {

Napi::Object MonitorRef(Napi::Env env, int index, int columns) {
  Napi::Object o = Napi::Object::New(env);
  o.Set("row", index / columns);
  o.Set("column", index % columns);
  return o;
}

Napi::Object RefusalObject(Napi::Env env, const Refusal& r, int columns) {
  Napi::Object refusal = Napi::Object::New(env);
  refusal.Set("code", r.code);
  refusal.Set("message", r.message);
  refusal.Set("window", r.window.empty() ? env.Null() : Napi::String::New(env, r.window));
  refusal.Set("monitor", r.monitor < 0 ? env.Null() : Napi::Value(MonitorRef(env, r.monitor, columns)));
  Napi::Object out = Napi::Object::New(env);
  out.Set("ok", false);
  out.Set("refusal", refusal);
  return out;
}

// The layout goes back as flat Float64Arrays, one fixed-size record per monitor and viewport:
// creating a JavaScript object per viewport through Node-API costs microseconds each, copying
// numbers costs nothing. electron/services/native/wall-layout.ts unpacks them (the offsets there
// must match these). The arrays are V8's own, filled by copy (no external buffers).
constexpr size_t kMonitorStride = 12;   // row, column, present, rotation, outer x y w h, active x y w h
constexpr size_t kViewportStride = 19;  // source, is cell, cell row, cell column, monitor, z,
                                        // wall x y w h, crop x y w h, destination x y w h, rotation
constexpr size_t kUnseenStride = 3;     // is split, source, monitor

void PushRect(std::vector<double>& out, const Rect& r) { out.insert(out.end(), {r.x, r.y, r.width, r.height}); }

Napi::Float64Array Packed(Napi::Env env, const std::vector<double>& values) {
  Napi::Float64Array array = Napi::Float64Array::New(env, values.size());
  std::copy(values.begin(), values.end(), array.Data());
  return array;
}

Napi::Float64Array PackMonitors(Napi::Env env, const WallGeometry& g) {
  std::vector<double> out;
  out.reserve(g.monitors.size() * kMonitorStride);
  for (const PlacedMonitor& m : g.monitors) {
    out.insert(out.end(), {double(m.row), double(m.column), m.present ? 1.0 : 0.0, double(m.frame.rotation)});
    PushRect(out, m.outer);
    PushRect(out, m.active);
  }
  return Packed(env, out);
}

Napi::Float64Array PackViewports(Napi::Env env, const std::vector<Viewport>& viewports) {
  std::vector<double> out;
  out.reserve(viewports.size() * kViewportStride);
  for (const Viewport& v : viewports) {
    const bool cell = v.cell_row >= 0;
    out.insert(out.end(), {double(v.source), cell ? 1.0 : 0.0, double(v.cell_row), double(v.cell_column), double(v.monitor), v.z});
    PushRect(out, v.wall);
    PushRect(out, v.crop);
    PushRect(out, v.destination);
    out.push_back(double(v.rotation));
  }
  return Packed(env, out);
}

Napi::Float64Array PackUnseen(Napi::Env env, const std::vector<Unseen>& unseen) {
  std::vector<double> out;
  out.reserve(unseen.size() * kUnseenStride);
  for (const Unseen& u : unseen) {
    for (int monitor : u.monitors) out.insert(out.end(), {u.split ? 1.0 : 0.0, double(u.source), double(monitor)});
  }
  return Packed(env, out);
}

// computeLayout(wall, layout) → {ok: true, width, height, monitors, viewports, unseen} (packed as
// above) | {ok: false, refusal}
Napi::Value ComputeLayoutJs(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  const Wall wall = ReadWall(info[0]);
  const Layout layout = ReadLayout(info[1]);
  auto outcome = ComputeLayout(wall, layout);
  if (auto* refusal = std::get_if<Refusal>(&outcome)) return RefusalObject(env, *refusal, wall.columns > 0 ? wall.columns : 1);
  const LayoutResult& result = std::get<LayoutResult>(outcome);
  Napi::Object out = Napi::Object::New(env);
  out.Set("ok", true);
  out.Set("width", result.geometry.width);
  out.Set("height", result.geometry.height);
  out.Set("monitors", PackMonitors(env, result.geometry));
  out.Set("viewports", PackViewports(env, result.viewports));
  out.Set("unseen", PackUnseen(env, result.unseen));
  return out;
}

// mapPoint(wall, {row, column}, {x, y}, "toPanel" | "toWall") → {ok: true, point} | {ok: false, refusal}
// toPanel takes millimetres on the wall and gives the monitor's framebuffer pixels; toWall the
// reverse. Points outside the active area map by the same formula (no clamping).
Napi::Value MapPointJs(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  const Wall wall = ReadWall(info[0]);
  int row = 0, column = 0;
  ReadMonitorRef(info[1], "monitor", row, column);
  if (!info[2].IsObject()) throw Napi::TypeError::New(env, "point must be an object");
  const Napi::Object p = info[2].As<Napi::Object>();
  const Point point{ReadNumber(p.Get("x"), "point.x"), ReadNumber(p.Get("y"), "point.y")};
  if (!info[3].IsString()) throw Napi::TypeError::New(env, "direction must be \"toPanel\" or \"toWall\"");
  const std::string direction = info[3].As<Napi::String>().Utf8Value();
  if (direction != "toPanel" && direction != "toWall") throw Napi::TypeError::New(env, "direction must be \"toPanel\" or \"toWall\"");

  const int columns = wall.columns > 0 ? wall.columns : 1;
  if (auto bad = ValidateWall(wall)) return RefusalObject(env, *bad, columns);
  if (row < 0 || row >= wall.rows || column < 0 || column >= wall.columns) {
    return RefusalObject(env, Refusal{"bad-monitor", "the wall has no monitor " + MonitorName(row, column), "", -1}, columns);
  }
  const WallGeometry g = PlaceMonitors(wall);
  const PlacedMonitor& m = g.monitors[static_cast<size_t>(row * wall.columns + column)];
  const Point mapped = direction == "toPanel" ? WallToPanel(m, point) : PanelToWall(m, point);
  Napi::Object xy = Napi::Object::New(env);
  xy.Set("x", mapped.x);
  xy.Set("y", mapped.y);
  Napi::Object out = Napi::Object::New(env);
  out.Set("ok", true);
  out.Set("point", xy);
  return out;
}

}  // namespace

void RegisterWallLayout(Napi::Env env, Napi::Object exports) {
  exports.Set("computeLayout", Napi::Function::New(env, ComputeLayoutJs, "computeLayout"));
  exports.Set("mapPoint", Napi::Function::New(env, MapPointJs, "mapPoint"));
}

}  // namespace vigil::wall
