// The layout engine: from a wall and a layout to what every monitor must draw. Pure: the same
// input always gives the same result, and a refused layout produces nothing at all.
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "model.h"

namespace vigil::wall {

// One piece of one window (or split cell) on one monitor.
struct Viewport {
  // The window by its index in Layout::windows, or for a cell the split by its index in
  // Layout::splits (indices, not ids: no string copied per piece).
  int source = 0;
  int cell_row = -1, cell_column = -1;  // the cell in its split; -1 for a free window
  int monitor = 0;             // row-major index
  double z = 0;                // the window's z; cells lie under every free window
  Rect wall;                   // the visible piece, millimetres on the wall
  Rect crop;                   // the same piece as a fraction (0..1) of the window's picture
  Rect destination;            // where to draw it, in the panel's framebuffer pixels
  int rotation = 0;            // turn the picture this far anticlockwise when drawing it
};

// A window (or split) that falls partly or wholly on monitors whose output is missing.
struct Unseen {
  bool split = false;  // `source` indexes Layout::splits, else Layout::windows
  int source = 0;
  std::vector<int> monitors;
};

struct LayoutResult {
  WallGeometry geometry;
  std::vector<Viewport> viewports;  // per monitor in row-major order, each in drawing order
  std::vector<Unseen> unseen;
};

std::variant<LayoutResult, Refusal> ComputeLayout(const Wall& wall, const Layout& layout);

}  // namespace vigil::wall
