#include "layout_engine.h"

#include <algorithm>
#include <cstdint>

#include "layout_validation.h"
#include "wall_geometry.h"

namespace vigil::wall {

namespace {

// The monitor's oriented pixel grid to millimetres on the wall (the active area is exactly the
// pixel grid).
Rect OrientedToMm(const PlacedMonitor& m, const Rect& px) {
  const double sx = m.active.width / m.frame.oriented_width, sy = m.active.height / m.frame.oriented_height;
  return Rect{m.active.x + px.x * sx, m.active.y + px.y * sy, px.width * sx, px.height * sy};
}

// Bezel compensation happens here: the window's picture is laid over the wall at its physical
// size, and each monitor shows only what lies over its active area. The crop is taken relative
// to the whole window (bezels included), so what falls behind a bezel is skipped, not squeezed.
void PlaceWindow(const WallGeometry& g, const Window& w, int source, std::vector<Viewport>& out, std::vector<Unseen>& unseen) {
  Unseen hidden{false, source, {}};
  for (size_t i = 0; i < g.monitors.size(); ++i) {
    const PlacedMonitor& m = g.monitors[i];
    const Rect piece = Intersect(w.rect, m.active);
    if (piece.width <= 0 || piece.height <= 0) continue;
    if (!m.present) {
      hidden.monitors.push_back(static_cast<int>(i));
      continue;
    }
    Viewport v;
    v.source = source;
    v.monitor = static_cast<int>(i);
    v.z = w.z;
    v.wall = piece;
    v.crop = Rect{(piece.x - w.rect.x) / w.rect.width, (piece.y - w.rect.y) / w.rect.height, piece.width / w.rect.width,
                  piece.height / w.rect.height};
    v.destination = WallToPanel(m, piece);
    v.rotation = m.frame.rotation;
    out.push_back(v);
  }
  if (!hidden.monitors.empty()) unseen.push_back(std::move(hidden));
}

// Cell boundaries fall on whole oriented pixels (floor of the even share), so neighbouring cells
// share an edge exactly and together cover the monitor; sizes differ by at most one pixel.
void PlaceSplit(const Wall& wall, const WallGeometry& g, const Split& s, int source, std::vector<Viewport>& out,
                std::vector<Unseen>& unseen) {
  const int index = s.row * wall.columns + s.column;
  const PlacedMonitor& m = g.monitors[static_cast<size_t>(index)];
  if (!m.present) {
    unseen.push_back(Unseen{true, source, {index}});
    return;
  }
  const auto w = static_cast<int64_t>(m.frame.oriented_width), h = static_cast<int64_t>(m.frame.oriented_height);
  for (int r = 0; r < s.rows; ++r) {
    const int64_t y0 = h * r / s.rows, y1 = h * (r + 1) / s.rows;
    for (int c = 0; c < s.columns; ++c) {
      const int64_t x0 = w * c / s.columns, x1 = w * (c + 1) / s.columns;
      const Rect px{static_cast<double>(x0), static_cast<double>(y0), static_cast<double>(x1 - x0), static_cast<double>(y1 - y0)};
      Viewport v;
      v.source = source;
      v.cell_row = r;
      v.cell_column = c;
      v.monitor = index;
      v.wall = OrientedToMm(m, px);
      v.crop = Rect{0, 0, 1, 1};
      v.destination = OrientedToPanel(m.frame, px);
      v.rotation = m.frame.rotation;
      out.push_back(v);
    }
  }
}

}  // namespace

std::variant<LayoutResult, Refusal> ComputeLayout(const Wall& wall, const Layout& layout) {
  if (auto bad = ValidateWall(wall)) return *bad;
  LayoutResult result;
  result.geometry = PlaceMonitors(wall);
  if (auto bad = ValidateLayout(wall, result.geometry, layout)) return *bad;

  std::vector<Viewport> cells, windows;
  for (size_t i = 0; i < layout.splits.size(); ++i) {
    PlaceSplit(wall, result.geometry, layout.splits[i], static_cast<int>(i), cells, result.unseen);
  }
  for (size_t i = 0; i < layout.windows.size(); ++i) {
    PlaceWindow(result.geometry, layout.windows[i], static_cast<int>(i), windows, result.unseen);
    // Thousands of wall-sized windows on a large wall would ask for millions of pieces; stop
    // before the memory does.
    if (cells.size() + windows.size() > static_cast<size_t>(kMaxViewports)) {
      return Refusal{"too-many-viewports", "the layout needs more than " + std::to_string(kMaxViewports) +
                                               " pieces (windows times the monitors each covers)", layout.windows[i].id, -1};
    }
  }
  // Drawing order on each monitor: split cells as the base picture, then windows by z.
  std::stable_sort(cells.begin(), cells.end(), [](const Viewport& a, const Viewport& b) { return a.monitor < b.monitor; });
  std::stable_sort(windows.begin(), windows.end(), [](const Viewport& a, const Viewport& b) {
    return a.monitor != b.monitor ? a.monitor < b.monitor : a.z < b.z;
  });
  result.viewports.reserve(cells.size() + windows.size());
  auto cell = cells.begin(), window = windows.begin();
  for (int i = 0; i < static_cast<int>(result.geometry.monitors.size()); ++i) {
    for (; cell != cells.end() && cell->monitor == i; ++cell) result.viewports.push_back(*cell);
    for (; window != windows.end() && window->monitor == i; ++window) result.viewports.push_back(*window);
  }
  return result;
}

}  // namespace vigil::wall
