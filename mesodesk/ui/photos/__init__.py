"""Clinical photos in the chart: the grid, import and before/after comparison."""
