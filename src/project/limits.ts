/**
 * Sizes a project may have, checked before the input is parsed whole: a project file is a few kB (the Luoyang
 * comparison is 6 kB), a year of quarter-hourly prices about 1.5 MB. The limits stop a mistaken or hostile input
 * (a 50 MB file took 35 s and 3.4 GB before it was refused) long before it costs memory.
 */
export const PROJECT_LIMITS = {
  /** Bytes of a project file's text. */
  projectFileBytes: 1 << 20,
  /** Bytes of a file a project names (a price file). */
  dataFileBytes: 16 << 20,
  /** Plants in one project. */
  plants: 32,
} as const;
