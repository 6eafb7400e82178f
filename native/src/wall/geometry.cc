#include "geometry.h"

#include <algorithm>

namespace vigil::wall {

Rect Intersect(const Rect& a, const Rect& b) {
  const double x0 = std::max(a.x, b.x), y0 = std::max(a.y, b.y);
  const double x1 = std::min(a.Right(), b.Right()), y1 = std::min(a.Bottom(), b.Bottom());
  return Rect{x0, y0, std::max(0.0, x1 - x0), std::max(0.0, y1 - y0)};
}

// Turning the panel clockwise by 90 puts its top edge on the right of the wall: the panel's x
// axis runs down the wall and its y axis runs leftwards. The other angles follow the same way.
Point OrientedToPanel(const PanelFrame& f, Point p) {
  switch (f.rotation) {
    case 90: return Point{p.y, f.oriented_width - p.x};
    case 180: return Point{f.oriented_width - p.x, f.oriented_height - p.y};
    case 270: return Point{f.oriented_height - p.y, p.x};
    default: return p;
  }
}

Point PanelToOriented(const PanelFrame& f, Point p) {
  switch (f.rotation) {
    case 90: return Point{f.oriented_width - p.y, p.x};
    case 180: return Point{f.oriented_width - p.x, f.oriented_height - p.y};
    case 270: return Point{p.y, f.oriented_height - p.x};
    default: return p;
  }
}

Rect Span(Point a, Point b) {
  const double x0 = std::min(a.x, b.x), y0 = std::min(a.y, b.y);
  return Rect{x0, y0, std::max(a.x, b.x) - x0, std::max(a.y, b.y) - y0};
}

Rect OrientedToPanel(const PanelFrame& f, const Rect& r) {
  return Span(OrientedToPanel(f, Point{r.x, r.y}), OrientedToPanel(f, Point{r.Right(), r.Bottom()}));
}

}  // namespace vigil::wall
