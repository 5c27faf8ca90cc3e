import { test } from 'node:test';
import assert from 'node:assert/strict';
import { figureName } from './figure-names.js';

test('a design figure key reads as words in English, with its component first', () => {
  assert.equal(figureName('chargeNetPower', 'en'), 'Charge net power');
  assert.equal(figureName('C1.outletTemperature', 'en'), 'C1: outlet temperature');
});

test('in Chinese the terms join as a compound, phrases before single words', () => {
  assert.equal(figureName('compressorOutletPressure', 'zh'), '压缩机出口压力');
  assert.equal(figureName('chargeNetPower', 'zh'), '充电净功率');
  assert.equal(figureName('specificCompressionWork', 'zh'), '比压缩功');
  assert.equal(figureName('oil.tankVolume', 'zh'), 'oil 单罐容积');
});

test('a word without a Chinese term stays in English rather than disappearing', () => {
  assert.equal(figureName('flubberCount', 'zh'), 'flubber count');
});
