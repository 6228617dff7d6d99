import type { Table } from 'apache-arrow';
import { Prng, skew } from './prng';
import { dateColumn, dictionaryColumn, float64Column, int32Column, isoToDays, stringColumn, tableOf } from './columns';
import { allCities } from './generate-profiles';
import { vocab } from './vocabulary';

/** Products: a catalogue whose first items are the best sellers (purchases pick them skewed). */
export function generateProducts(count: number, seed: number, referenceDate: string): Table {
  const rng = new Prng(seed, 'products');
  const ref = isoToDays(referenceDate);
  const id = new Int32Array(count);
  const name: string[] = [];
  const category = new Int8Array(count);
  const brand = new Int32Array(count);
  const price = new Float64Array(count);
  const launched = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    id[i] = i + 1;
    category[i] = rng.skewed(vocab.categories.length, 1.3);
    brand[i] = rng.skewed(vocab.brands.length, 1.5);
    name[i] = `${vocab.brands[brand[i]!]} ${vocab.categories[category[i]!]!.replace('_', ' ')} #${i + 1}`;
    price[i] = Math.round((5 + 400 * skew(rng.next(), 3)) * 100) / 100;
    launched[i] = ref - rng.int(6 * 365);
  }
  return tableOf({
    product_id: int32Column(id),
    name: stringColumn(name),
    category: dictionaryColumn(category, vocab.categories),
    brand: dictionaryColumn(brand, vocab.brands),
    price: float64Column(price),
    launched_on: dateColumn(launched),
  });
}

/** Stores spread over the sample's countries, most of them in malls. */
export function generateStores(count: number, seed: number, referenceDate: string): Table {
  const rng = new Prng(seed, 'stores');
  const ref = isoToDays(referenceDate);
  const id = new Int32Array(count);
  const name: string[] = [];
  const city = new Int32Array(count);
  const country = new Int8Array(count);
  const format = new Int8Array(count);
  const opened = new Int32Array(count);
  let offset = 0;
  const cityCountry = vocab.countries.flatMap((c, ci) => c.cities.map(() => ci));
  for (let i = 0; i < count; i++) {
    id[i] = i + 1;
    city[i] = rng.skewed(allCities.length, 1.2);
    country[i] = cityCountry[city[i]!]!;
    format[i] = i === 0 ? 3 : rng.chance(0.1) ? 0 : rng.chance(0.7) ? 1 : 2;
    name[i] = `${allCities[city[i]!]} ${vocab.storeFormats[format[i]!]} ${++offset}`;
    opened[i] = ref - rng.int(20 * 365);
  }
  return tableOf({
    store_id: int32Column(id),
    name: stringColumn(name),
    city: dictionaryColumn(city, allCities),
    country: dictionaryColumn(country, vocab.countries.map((c) => c.code)),
    format: dictionaryColumn(format, vocab.storeFormats),
    opened_on: dateColumn(opened),
  });
}
