/** The shipped life models by id: `createLifeModel(id)` for a fresh model at the beginning of life. */
import { Lfp250AhModel, LFP_250AH_INFO } from './blast/lfp-250ah.js';
import { LfpSonyMurata3AhModel, LFP_SONYMURATA_3AH_INFO } from './blast/lfp-sonymurata-3ah.js';
import { Nmc111Kokam75AhModel, NMC111_KOKAM_75AH_INFO } from './blast/nmc111-kokam-75ah.js';
import { Nmc622Denso50AhModel, NMC622_DENSO_50AH_INFO } from './blast/nmc622-denso-50ah.js';
import { Nmc811Lgmj1Model, NMC811_LGMJ1_INFO } from './blast/nmc811-lgmj1.js';
import type { LifeModel, LifeModelInfo } from './model.js';
import { SamNmcSmith2017Model, SAM_NMC_SMITH2017_INFO } from './sam/nmc-smith2017.js';
import { SAM_LFP_INFO, SAM_NMC_INFO, samLfpModel, samNmcModel } from './sam/models.js';

interface Entry {
  readonly info: LifeModelInfo;
  readonly create: () => LifeModel;
}

const ENTRIES: readonly Entry[] = [
  { info: LFP_250AH_INFO, create: () => new Lfp250AhModel() },
  { info: LFP_SONYMURATA_3AH_INFO, create: () => new LfpSonyMurata3AhModel() },
  { info: SAM_LFP_INFO, create: samLfpModel },
  { info: SAM_NMC_INFO, create: samNmcModel },
  { info: NMC111_KOKAM_75AH_INFO, create: () => new Nmc111Kokam75AhModel() },
  { info: NMC622_DENSO_50AH_INFO, create: () => new Nmc622Denso50AhModel() },
  { info: NMC811_LGMJ1_INFO, create: () => new Nmc811Lgmj1Model() },
  { info: SAM_NMC_SMITH2017_INFO, create: () => new SamNmcSmith2017Model() },
];

/** Ids of the shipped life models, in listing order. */
export const LIFE_MODEL_IDS: readonly string[] = ENTRIES.map((e) => e.info.id);

/** What each shipped model is, in listing order. */
export function lifeModelInfos(): LifeModelInfo[] {
  return ENTRIES.map((e) => e.info);
}

/** A fresh model at the beginning of life; an unknown id is refused with the list of ids. */
export function createLifeModel(id: string): LifeModel {
  const e = ENTRIES.find((x) => x.info.id === id);
  if (!e) throw new Error(`life model "${id}" is unknown; valid: ${LIFE_MODEL_IDS.join(', ')}`);
  return e.create();
}
