// Refusals for a layout on a valid wall: ids, sizes, bounds, z-order and splits.
#pragma once

#include <optional>

#include "model.h"

namespace vigil::wall {

std::optional<Refusal> ValidateLayout(const Wall& wall, const WallGeometry& geometry, const Layout& layout);

}  // namespace vigil::wall
