/**
 * Readable names of a template's design figures, whose keys are identifiers ('chargeNetPower', 'C1.outletTemperature',
 * 'oil.tankVolume'): words in English, and in Chinese the words' terms joined as Chinese compounds join
 * ('压缩机出口压力'). A word without a Chinese term stays in English, so a new figure is never hidden.
 */
import type { Lang } from './strings.js';

/** Chinese terms of the words (and a few two-word phrases read as one term), longest phrases first when matched. */
const ZH: Readonly<Record<string, string>> = {
  'net power': '净功率',
  'mass flow': '质量流量',
  'mass window': '可用质量',
  'duration estimate': '时长估算',
  'pressure ratio': '压比',
  'hot temperature': '热罐温度',
  'cold temperature': '冷罐温度',
  'medium mass': '介质质量',
  'tank volume': '单罐容积',
  'wall area': '壁面面积',
  'heat rate': '热耗率',
  'electricity in per out': '单位发电量耗电',
  'fuel input': '燃料输入',
  'turbine power': '透平功率',
  'low pressure volume': '低压容积',
  charge: '充电',
  discharge: '放电',
  auxiliaries: '辅机功率',
  power: '功率',
  condensing: '冷凝',
  evaporating: '蒸发',
  temperature: '温度',
  pressure: '压力',
  compressor: '压缩机',
  turbine: '透平',
  outlet: '出口',
  inlet: '入口',
  liquid: '液态',
  air: '空气',
  dome: '储气室',
  basin: '水池',
  cavern: '储气洞穴',
  volume: '容积',
  specific: '比',
  compression: '压缩',
  expansion: '膨胀',
  work: '功',
  design: '设计',
  exhaust: '排气',
  fuel: '燃料',
  hp: '高压',
  lp: '低压',
  mass: '质量',
  duration: '时长',
  area: '面积',
};

/** 'C1.outletTemperature' → { owner: 'C1', words: ['outlet', 'temperature'] }: what comes before the last dot names a part. */
function split(key: string): { owner?: string; words: string[] } {
  const parts = key.split('.');
  const last = parts.pop()!;
  const words = last
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(' ')
    .map((w) => w.toLowerCase());
  return parts.length ? { owner: parts.join('.'), words } : { words };
}

export function figureName(key: string, lang: Lang): string {
  const { owner, words } = split(key);
  if (lang === 'en') {
    const text = words.join(' ');
    const cap = text.charAt(0).toUpperCase() + text.slice(1);
    return owner ? `${owner}: ${text}` : cap;
  }
  const out: string[] = [];
  for (let i = 0; i < words.length; ) {
    let matched = false;
    for (let n = Math.min(4, words.length - i); n >= 1; n--) {
      const phrase = words.slice(i, i + n).join(' ');
      if (Object.hasOwn(ZH, phrase)) {
        out.push(ZH[phrase]);
        i += n;
        matched = true;
        break;
      }
    }
    if (!matched) out.push(` ${words[i++]} `);
  }
  const text = out.join('').replace(/\s+/g, ' ').trim();
  return owner ? `${owner} ${text}` : text;
}
