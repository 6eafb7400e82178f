#include "wall_geometry.h"

#include <algorithm>
#include <cmath>

namespace vigil::wall {

namespace {

bool InRange(double v, double lo, double hi) { return std::isfinite(v) && v >= lo && v <= hi; }

Refusal MonitorRefusal(int index, int row, int column, const std::string& what) {
  return Refusal{"bad-monitor", "monitor " + MonitorName(row, column) + ": " + what, "", index};
}

// The monitor's outer size as it hangs: datasheet width and height swap when turned 90 or 270.
struct Oriented {
  double active_w, active_h, top, right, bottom, left;
};

Oriented Orient(const Monitor& m) {
  switch (m.rotation) {
    // Clockwise turn: the panel's top edge goes right, its right edge to the bottom, and so on.
    case 90: return {m.active_height, m.active_width, m.bezel_left, m.bezel_top, m.bezel_right, m.bezel_bottom};
    case 180: return {m.active_width, m.active_height, m.bezel_bottom, m.bezel_left, m.bezel_top, m.bezel_right};
    case 270: return {m.active_height, m.active_width, m.bezel_right, m.bezel_bottom, m.bezel_left, m.bezel_top};
    default: return {m.active_width, m.active_height, m.bezel_top, m.bezel_right, m.bezel_bottom, m.bezel_left};
  }
}

}  // namespace

std::string MonitorName(int row, int column) {
  return "r" + std::to_string(row + 1) + "c" + std::to_string(column + 1);
}

Point WallToPanel(const PlacedMonitor& m, Point mm) {
  return OrientedToPanel(m.frame, Point{(mm.x - m.active.x) * m.frame.oriented_width / m.active.width,
                                        (mm.y - m.active.y) * m.frame.oriented_height / m.active.height});
}

Point PanelToWall(const PlacedMonitor& m, Point px) {
  const Point o = PanelToOriented(m.frame, px);
  return Point{m.active.x + o.x * m.active.width / m.frame.oriented_width, m.active.y + o.y * m.active.height / m.frame.oriented_height};
}

Rect WallToPanel(const PlacedMonitor& m, const Rect& mm) {
  return Span(WallToPanel(m, Point{mm.x, mm.y}), WallToPanel(m, Point{mm.Right(), mm.Bottom()}));
}

std::optional<Refusal> ValidateWall(const Wall& wall) {
  if (wall.rows < 1 || wall.rows > kMaxGridSide || wall.columns < 1 || wall.columns > kMaxGridSide) {
    return Refusal{"bad-wall", "a wall has 1 to " + std::to_string(kMaxGridSide) + " rows and columns, not " +
                                   std::to_string(wall.rows) + " x " + std::to_string(wall.columns), "", -1};
  }
  const size_t expected = static_cast<size_t>(wall.rows) * static_cast<size_t>(wall.columns);
  if (wall.monitors.size() != expected) {
    return Refusal{"bad-wall", "a " + std::to_string(wall.rows) + " x " + std::to_string(wall.columns) + " wall needs " +
                                   std::to_string(expected) + " monitors, got " + std::to_string(wall.monitors.size()), "", -1};
  }
  for (size_t i = 0; i < wall.monitors.size(); ++i) {
    const Monitor& m = wall.monitors[i];
    const int index = static_cast<int>(i), row = index / wall.columns, column = index % wall.columns;
    if (!InRange(m.resolution_width, 1, kMaxPixels) || !InRange(m.resolution_height, 1, kMaxPixels) ||
        m.resolution_width != std::floor(m.resolution_width) || m.resolution_height != std::floor(m.resolution_height)) {
      return MonitorRefusal(index, row, column, "resolution must be whole pixels, 1 to 16384 per side");
    }
    if (!InRange(m.active_width, 0, kMaxMillimetres) || !InRange(m.active_height, 0, kMaxMillimetres) ||
        m.active_width <= 0 || m.active_height <= 0) {
      return MonitorRefusal(index, row, column, "active area must be larger than 0 mm on both sides");
    }
    for (double b : {m.bezel_top, m.bezel_right, m.bezel_bottom, m.bezel_left}) {
      if (!InRange(b, 0, kMaxMillimetres)) return MonitorRefusal(index, row, column, "bezel widths must be 0 mm or more");
    }
    if (m.rotation != 0 && m.rotation != 90 && m.rotation != 180 && m.rotation != 270) {
      return MonitorRefusal(index, row, column, "rotation must be 0, 90, 180 or 270, not " + std::to_string(m.rotation));
    }
  }
  return std::nullopt;
}

WallGeometry PlaceMonitors(const Wall& wall) {
  std::vector<double> column_width(static_cast<size_t>(wall.columns), 0.0);
  std::vector<double> row_height(static_cast<size_t>(wall.rows), 0.0);
  std::vector<Oriented> oriented;
  oriented.reserve(wall.monitors.size());
  for (size_t i = 0; i < wall.monitors.size(); ++i) {
    const Oriented o = Orient(wall.monitors[i]);
    oriented.push_back(o);
    const size_t r = i / static_cast<size_t>(wall.columns), c = i % static_cast<size_t>(wall.columns);
    column_width[c] = std::max(column_width[c], o.left + o.active_w + o.right);
    row_height[r] = std::max(row_height[r], o.top + o.active_h + o.bottom);
  }
  WallGeometry g;
  std::vector<double> column_x(column_width.size(), 0.0), row_y(row_height.size(), 0.0);
  for (size_t c = 0; c < column_width.size(); ++c) {
    column_x[c] = g.width;
    g.width += column_width[c];
  }
  for (size_t r = 0; r < row_height.size(); ++r) {
    row_y[r] = g.height;
    g.height += row_height[r];
  }
  g.monitors.reserve(wall.monitors.size());
  for (size_t i = 0; i < wall.monitors.size(); ++i) {
    const Monitor& m = wall.monitors[i];
    const Oriented& o = oriented[i];
    const size_t r = i / static_cast<size_t>(wall.columns), c = i % static_cast<size_t>(wall.columns);
    PlacedMonitor p;
    p.row = static_cast<int>(r);
    p.column = static_cast<int>(c);
    p.present = m.present;
    const double outer_w = o.left + o.active_w + o.right, outer_h = o.top + o.active_h + o.bottom;
    p.outer = Rect{column_x[c] + (column_width[c] - outer_w) / 2, row_y[r] + (row_height[r] - outer_h) / 2, outer_w, outer_h};
    p.active = Rect{p.outer.x + o.left, p.outer.y + o.top, o.active_w, o.active_h};
    const bool turned = m.rotation == 90 || m.rotation == 270;
    p.frame = PanelFrame{m.rotation, turned ? m.resolution_height : m.resolution_width,
                         turned ? m.resolution_width : m.resolution_height};
    p.panel_width = m.resolution_width;
    p.panel_height = m.resolution_height;
    g.monitors.push_back(p);
  }
  return g;
}

}  // namespace vigil::wall
