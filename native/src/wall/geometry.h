// Plain rectangles and the mapping between a monitor as it hangs on the wall and its panel's own
// framebuffer. Pure C++: no Node-API here, so the engine can be tested under sanitizers alone.
#pragma once

namespace vigil::wall {

struct Rect {
  double x = 0, y = 0, width = 0, height = 0;
  double Right() const { return x + width; }
  double Bottom() const { return y + height; }
  double Area() const { return width * height; }
};

// The overlap of two rectangles; zero width or height when they only touch or are apart.
Rect Intersect(const Rect& a, const Rect& b);

// A panel turned clockwise by `rotation` degrees (0, 90, 180, 270) as it is mounted. "Oriented"
// pixels count as an operator sees the wall (x right, y down); panel pixels count as the output
// sends them (the framebuffer, which the panel shows turned). oriented_width/height are the
// oriented pixel grid's size, i.e. the panel resolution with width and height swapped at 90/270.
struct PanelFrame {
  int rotation = 0;
  double oriented_width = 0, oriented_height = 0;
};

struct Point {
  double x = 0, y = 0;
};

Point OrientedToPanel(const PanelFrame& frame, Point p);
Point PanelToOriented(const PanelFrame& frame, Point p);
// The rectangle with these two opposite corners.
Rect Span(Point a, Point b);
// Both corners mapped, then normalised, so the result has positive width and height.
Rect OrientedToPanel(const PanelFrame& frame, const Rect& r);

}  // namespace vigil::wall
