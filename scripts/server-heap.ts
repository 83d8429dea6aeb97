// V8 sizes its heap from the machine's memory, and on a large machine lets garbage pile up to well
// over a gigabyte before collecting it; tenken's live data is far smaller. Every production server
// tenken starts (npm start, the tests, load and bench) gets this cap, and the image sets the same
// in NODE_OPTIONS (Dockerfile). An operator's own NODE_OPTIONS heap size wins.
export const SERVER_HEAP_MB = 192;

/** Node's arguments for the heap cap, unless NODE_OPTIONS already sets one. */
export function heapArgs(nodeOptions = process.env.NODE_OPTIONS) {
  return nodeOptions?.includes("--max-old-space-size") ? [] : [`--max-old-space-size=${SERVER_HEAP_MB}`];
}
