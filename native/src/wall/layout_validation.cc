#include "layout_validation.h"

#include <cmath>
#include <sstream>
#include <unordered_map>

#include "wall_geometry.h"

namespace vigil::wall {

namespace {

// Windows are placed in millimetres computed by people and programs; a hair past the edge from
// rounding is not "outside the wall".
constexpr double kEdgeToleranceMm = 1e-6;

std::string Mm(double v) {
  std::ostringstream s;
  s << v;
  return s.str();
}

Refusal ForWindow(const std::string& code, const std::string& id, const std::string& what) {
  return Refusal{code, "window \"" + id + "\": " + what, id, -1};
}

std::optional<Refusal> CheckId(const std::string& id, const char* kind, std::unordered_map<std::string, int>& seen) {
  if (id.empty() || id.size() > kMaxIdLength) {
    return Refusal{"bad-id", std::string(kind) + " ids are 1 to " + std::to_string(kMaxIdLength) + " characters", id, -1};
  }
  if (!seen.emplace(id, 0).second) return Refusal{"duplicate-id", "the id \"" + id + "\" is used twice", id, -1};
  return std::nullopt;
}

std::optional<Refusal> CheckSplit(const Wall& wall, const WallGeometry& g, const Split& s, std::vector<bool>& split_monitors) {
  if (s.row < 0 || s.row >= wall.rows || s.column < 0 || s.column >= wall.columns) {
    return Refusal{"bad-split", "split \"" + s.id + "\": the wall has no monitor " + MonitorName(s.row, s.column), s.id, -1};
  }
  const int index = s.row * wall.columns + s.column;
  if (s.rows < 1 || s.rows > kMaxSplitSide || s.columns < 1 || s.columns > kMaxSplitSide) {
    return Refusal{"bad-split", "split \"" + s.id + "\": " + std::to_string(s.rows) + " x " + std::to_string(s.columns) +
                                    " cells; a split has 1 to " + std::to_string(kMaxSplitSide) + " per side", s.id, index};
  }
  const PlacedMonitor& m = g.monitors[static_cast<size_t>(index)];
  if (s.columns > m.frame.oriented_width || s.rows > m.frame.oriented_height) {
    return Refusal{"bad-split", "split \"" + s.id + "\": monitor " + MonitorName(s.row, s.column) +
                                    " has too few pixels for a cell of at least one pixel", s.id, index};
  }
  if (split_monitors[static_cast<size_t>(index)]) {
    return Refusal{"split-conflict", "split \"" + s.id + "\": monitor " + MonitorName(s.row, s.column) + " is already split", s.id, index};
  }
  split_monitors[static_cast<size_t>(index)] = true;
  return std::nullopt;
}

std::optional<Refusal> CheckWindow(const WallGeometry& g, const Window& w, std::unordered_map<double, std::string>& z_owner) {
  const Rect& r = w.rect;
  if (!std::isfinite(r.x) || !std::isfinite(r.y) || !std::isfinite(r.width) || !std::isfinite(r.height) || !std::isfinite(w.z)) {
    return ForWindow("bad-number", w.id, "position, size and z must be finite numbers");
  }
  if (r.width <= 0 || r.height <= 0) {
    return ForWindow("zero-size", w.id, "size " + Mm(r.width) + " x " + Mm(r.height) + " mm; both must be larger than 0");
  }
  if (r.x < -kEdgeToleranceMm || r.y < -kEdgeToleranceMm || r.Right() > g.width + kEdgeToleranceMm ||
      r.Bottom() > g.height + kEdgeToleranceMm) {
    return ForWindow("outside-wall", w.id, "spans x " + Mm(r.x) + " to " + Mm(r.Right()) + ", y " + Mm(r.y) + " to " +
                                               Mm(r.Bottom()) + " mm; the wall is " + Mm(g.width) + " x " + Mm(g.height) + " mm");
  }
  // -0 and +0 are one z; give them one hash too.
  const auto [it, fresh] = z_owner.emplace(w.z == 0 ? 0.0 : w.z, w.id);
  if (!fresh) {
    return ForWindow("duplicate-z", w.id, "z " + Mm(w.z) + " is already window \"" + it->second + "\"'s; overlap order must be unambiguous");
  }
  return std::nullopt;
}

}  // namespace

std::optional<Refusal> ValidateLayout(const Wall& wall, const WallGeometry& g, const Layout& layout) {
  if (layout.windows.size() > static_cast<size_t>(kMaxWindows)) {
    return Refusal{"too-many-windows", std::to_string(layout.windows.size()) + " windows; a layout holds at most " +
                                           std::to_string(kMaxWindows), "", -1};
  }
  std::unordered_map<std::string, int> ids;
  std::vector<bool> split_monitors(g.monitors.size(), false);
  for (const Split& s : layout.splits) {
    if (auto bad = CheckId(s.id, "split", ids)) return bad;
    if (auto bad = CheckSplit(wall, g, s, split_monitors)) return bad;
  }
  std::unordered_map<double, std::string> z_owner;
  for (const Window& w : layout.windows) {
    if (auto bad = CheckId(w.id, "window", ids)) return bad;
    if (auto bad = CheckWindow(g, w, z_owner)) return bad;
  }
  return std::nullopt;
}

}  // namespace vigil::wall
