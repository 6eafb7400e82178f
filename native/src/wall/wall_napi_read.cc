#include "wall_napi_read.h"

#include <cmath>
#include <limits>

namespace vigil::wall {

namespace {

[[noreturn]] void Fail(const Napi::Env& env, const std::string& path, const char* expected) {
  throw Napi::TypeError::New(env, path + " must be " + expected);
}

Napi::Object AsObject(const Napi::Value& v, const std::string& path) {
  if (!v.IsObject() || v.IsArray()) Fail(v.Env(), path, "an object");
  return v.As<Napi::Object>();
}

// Longer arrays than any valid layout holds are refused before a single element is read.
Napi::Array AsArray(const Napi::Value& v, const std::string& path, uint32_t max_length) {
  if (!v.IsArray()) Fail(v.Env(), path, "an array");
  const Napi::Array a = v.As<Napi::Array>();
  if (a.Length() > max_length) {
    throw Napi::RangeError::New(v.Env(), path + " holds at most " + std::to_string(max_length) + " entries");
  }
  return a;
}

double Number(const Napi::Object& o, const char* key, const std::string& path) {
  return ReadNumber(o.Get(key), path + "." + key);
}

// Integers arrive as doubles; anything not a whole number in int range becomes a value the
// engine refuses (INT_MIN), so the refusal, not a cast, reports it.
int Integer(const Napi::Object& o, const char* key, const std::string& path) {
  const double d = Number(o, key, path);
  if (!std::isfinite(d) || d != std::floor(d) || d < -1e9 || d > 1e9) return std::numeric_limits<int>::min();
  return static_cast<int>(d);
}

std::string String(const Napi::Object& o, const char* key, const std::string& path) {
  const Napi::Value v = o.Get(key);
  if (!v.IsString()) Fail(o.Env(), path + "." + key, "a string");
  return v.As<Napi::String>().Utf8Value();
}

Monitor ReadMonitor(const Napi::Value& value, const std::string& path) {
  const Napi::Object o = AsObject(value, path);
  Monitor m;
  const Napi::Object res = AsObject(o.Get("resolution"), path + ".resolution");
  m.resolution_width = Number(res, "width", path + ".resolution");
  m.resolution_height = Number(res, "height", path + ".resolution");
  const Napi::Object active = AsObject(o.Get("activeSize"), path + ".activeSize");
  m.active_width = Number(active, "width", path + ".activeSize");
  m.active_height = Number(active, "height", path + ".activeSize");
  const Napi::Object bezel = AsObject(o.Get("bezel"), path + ".bezel");
  m.bezel_top = Number(bezel, "top", path + ".bezel");
  m.bezel_right = Number(bezel, "right", path + ".bezel");
  m.bezel_bottom = Number(bezel, "bottom", path + ".bezel");
  m.bezel_left = Number(bezel, "left", path + ".bezel");
  m.rotation = Integer(o, "rotation", path);
  const Napi::Value present = o.Get("present");
  if (!present.IsBoolean()) Fail(o.Env(), path + ".present", "a boolean");
  m.present = present.As<Napi::Boolean>().Value();
  return m;
}

}  // namespace

double ReadNumber(const Napi::Value& value, const std::string& path) {
  if (!value.IsNumber()) Fail(value.Env(), path, "a number");
  return value.As<Napi::Number>().DoubleValue();
}

void ReadMonitorRef(const Napi::Value& value, const std::string& path, int& row, int& column) {
  const Napi::Object o = AsObject(value, path);
  row = Integer(o, "row", path);
  column = Integer(o, "column", path);
}

Wall ReadWall(const Napi::Value& value) {
  const Napi::Object o = AsObject(value, "wall");
  Wall wall;
  wall.rows = Integer(o, "rows", "wall");
  wall.columns = Integer(o, "columns", "wall");
  const Napi::Array monitors = AsArray(o.Get("monitors"), "wall.monitors", kMaxGridSide * kMaxGridSide);
  const uint32_t n = monitors.Length();
  wall.monitors.reserve(n);
  for (uint32_t i = 0; i < n; ++i) wall.monitors.push_back(ReadMonitor(monitors.Get(i), "wall.monitors[" + std::to_string(i) + "]"));
  return wall;
}

Layout ReadLayout(const Napi::Value& value) {
  const Napi::Object o = AsObject(value, "layout");
  Layout layout;
  const Napi::Array splits = AsArray(o.Get("splits"), "layout.splits", kMaxGridSide * kMaxGridSide);
  const uint32_t n_splits = splits.Length();
  for (uint32_t i = 0; i < n_splits; ++i) {
    const std::string path = "layout.splits[" + std::to_string(i) + "]";
    const Napi::Object s = AsObject(splits.Get(i), path);
    Split split;
    split.id = String(s, "id", path);
    ReadMonitorRef(s.Get("monitor"), path + ".monitor", split.row, split.column);
    split.rows = Integer(s, "rows", path);
    split.columns = Integer(s, "columns", path);
    layout.splits.push_back(std::move(split));
  }
  const Napi::Array windows = AsArray(o.Get("windows"), "layout.windows", kMaxWindows);
  const uint32_t n_windows = windows.Length();
  layout.windows.reserve(n_windows);
  for (uint32_t i = 0; i < n_windows; ++i) {
    const std::string path = "layout.windows[" + std::to_string(i) + "]";
    const Napi::Object w = AsObject(windows.Get(i), path);
    Window window;
    window.id = String(w, "id", path);
    window.rect = Rect{Number(w, "x", path), Number(w, "y", path), Number(w, "width", path), Number(w, "height", path)};
    window.z = Number(w, "z", path);
    layout.windows.push_back(std::move(window));
  }
  return layout;
}

}  // namespace vigil::wall
