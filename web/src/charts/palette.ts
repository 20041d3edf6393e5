/** Colours with a second signal beside each: line style and marker shape for lines, decals for bars. */
export const SCENARIO_STYLE = {
  optimistic: { color: '#2e7d32', type: 'dotted', symbol: 'triangle' },
  base: { color: '#1f4e9c', type: 'solid', symbol: 'circle' },
  pessimistic: { color: '#c62828', type: 'dashed', symbol: 'diamond' },
} as const;

export const BUFFER_COLOR = '#8a6d00';
export const BUCKET_COLORS = ['#4c9f70', '#e3c567', '#e08d3c', '#d9534f', '#a52a2a', '#6d2d6d', '#2b2b2b'];
