/** Every file under `inputs` (relative to `root`), sorted, '/'-separated, minus `exclude`. */
export function inputFiles(root: string, inputs: readonly string[], exclude?: readonly string[]): string[];
/** SHA-256 over the inputs' paths and contents. */
export function inputsDigest(root: string, inputs: readonly string[], exclude?: readonly string[]): string;
/** Whether the output stamped in `stamp` must be built again, and the current digest to stamp afterwards. */
export function staleness(options: { root: string; inputs: readonly string[]; exclude?: readonly string[]; stamp: string }): {
  stale: boolean;
  reason: string;
  digest: string;
};
