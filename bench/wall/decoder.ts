// The decoder half of the wall benchmark belongs here: the software video decoder in the native
// module (issue 6, part 2) measured for the same 6 × 8 wall. Until it lands the report carries
// `decoder: null`. Give this function the decoder's figures and wall.bench.ts writes them beside
// the layout's.
import type { NativeModule } from '../../electron/services/native/addon';

export type DecoderFigures = Record<string, unknown>;

export async function measureDecoder(_native: NativeModule): Promise<DecoderFigures | null> {
  return null;
}
