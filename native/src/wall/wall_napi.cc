#include "wall_napi.h"

#include "layout_engine.h"
#include "wall_geometry.h"
#include "wall_napi_read.h"

namespace vigil::wall {

namespace {

Napi::Object RectObject(Napi::Env env, const Rect& r) {
  Napi::Object o = Napi::Object::New(env);
  o.Set("x", r.x);
  o.Set("y", r.y);
  o.Set("width", r.width);
  o.Set("height", r.height);
  return o;
}

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

Napi::Object GeometryObject(Napi::Env env, const WallGeometry& g) {
  Napi::Array monitors = Napi::Array::New(env, g.monitors.size());
  for (uint32_t i = 0; i < g.monitors.size(); ++i) {
    const PlacedMonitor& m = g.monitors[i];
    Napi::Object o = Napi::Object::New(env);
    o.Set("row", m.row);
    o.Set("column", m.column);
    o.Set("present", m.present);
    o.Set("rotation", m.frame.rotation);
    o.Set("outer", RectObject(env, m.outer));
    o.Set("active", RectObject(env, m.active));
    monitors.Set(i, o);
  }
  Napi::Object out = Napi::Object::New(env);
  out.Set("width", g.width);
  out.Set("height", g.height);
  out.Set("monitors", monitors);
  return out;
}

Napi::Object ViewportObject(Napi::Env env, const Viewport& v, int columns) {
  Napi::Object o = Napi::Object::New(env);
  o.Set("window", v.window);
  if (v.cell_row < 0) {
    o.Set("cell", env.Null());
    o.Set("z", v.z);
  } else {
    Napi::Object cell = Napi::Object::New(env);
    cell.Set("row", v.cell_row);
    cell.Set("column", v.cell_column);
    o.Set("cell", cell);
    o.Set("z", env.Null());
  }
  o.Set("monitor", MonitorRef(env, v.monitor, columns));
  o.Set("wall", RectObject(env, v.wall));
  o.Set("crop", RectObject(env, v.crop));
  o.Set("destination", RectObject(env, v.destination));
  o.Set("rotation", v.rotation);
  return o;
}

// computeLayout(wall, layout) → {ok: true, wall, viewports, unseen} | {ok: false, refusal}
Napi::Value ComputeLayoutJs(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  const Wall wall = ReadWall(info[0]);
  const Layout layout = ReadLayout(info[1]);
  auto outcome = ComputeLayout(wall, layout);
  if (auto* refusal = std::get_if<Refusal>(&outcome)) return RefusalObject(env, *refusal, wall.columns > 0 ? wall.columns : 1);
  const LayoutResult& result = std::get<LayoutResult>(outcome);
  Napi::Array viewports = Napi::Array::New(env, result.viewports.size());
  for (uint32_t i = 0; i < result.viewports.size(); ++i) viewports.Set(i, ViewportObject(env, result.viewports[i], wall.columns));
  Napi::Array unseen = Napi::Array::New(env, result.unseen.size());
  for (uint32_t i = 0; i < result.unseen.size(); ++i) {
    const Unseen& u = result.unseen[i];
    Napi::Array monitors = Napi::Array::New(env, u.monitors.size());
    for (uint32_t j = 0; j < u.monitors.size(); ++j) monitors.Set(j, MonitorRef(env, u.monitors[j], wall.columns));
    Napi::Object o = Napi::Object::New(env);
    o.Set("window", u.window);
    o.Set("monitors", monitors);
    unseen.Set(i, o);
  }
  Napi::Object out = Napi::Object::New(env);
  out.Set("ok", true);
  out.Set("wall", GeometryObject(env, result.geometry));
  out.Set("viewports", viewports);
  out.Set("unseen", unseen);
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
