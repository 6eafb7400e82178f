// Checks a wall and works out where every monitor hangs on it.
#pragma once

#include <optional>

#include "model.h"

namespace vigil::wall {

// Refuses a wall that cannot be built (see docs/video-wall.md, "Validation"); nullopt if fine.
std::optional<Refusal> ValidateWall(const Wall& wall);

// Places the monitors of a valid wall. A column is as wide as its widest monitor (bezels
// included) and a row as tall as its tallest; a smaller monitor is centred in its cell, and the
// gap around it hides picture exactly as a bezel does.
WallGeometry PlaceMonitors(const Wall& wall);

// Millimetres on the wall to the monitor's framebuffer pixels and back. The active area is
// exactly the pixel grid; points outside it map by the same formula (no clamping).
Point WallToPanel(const PlacedMonitor& m, Point mm);
Point PanelToWall(const PlacedMonitor& m, Point px);
// Both corners mapped, so the result has positive width and height whatever the rotation.
Rect WallToPanel(const PlacedMonitor& m, const Rect& mm);

// "r2c3" style name (1-based, as installers label monitors) for messages.
std::string MonitorName(int row, int column);

}  // namespace vigil::wall
