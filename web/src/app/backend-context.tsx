/** The back end the app computes with (chosen once at start: the API or the Web Worker). */
import { createContext, useContext } from 'react';
import type { Backend } from '../backend/types.js';

export const BackendContext = createContext<Backend | null>(null);

export function useBackend(): Backend {
  const b = useContext(BackendContext);
  if (!b) throw new Error('useBackend outside BackendContext');
  return b;
}
