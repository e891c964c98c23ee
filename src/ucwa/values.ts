import type { UcwaResource, UcwaValue } from './resource.js';

/**
 * Property readers that give the same typed value whichever representation a resource came in: XML carries
 * everything as text (`True`, `12`, ISO dates), JSON carries native values and `/Date(ms)/` dates.
 */
export function text(resource: UcwaResource, name: string): string | undefined {
  const value = resource.properties[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

export function flag(resource: UcwaResource, name: string): boolean | undefined {
  return toBoolean(resource.properties[name]);
}

export function toBoolean(value: UcwaValue | undefined): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const lower = value.trim().toLowerCase();
    if (lower === 'true') return true;
    if (lower === 'false') return false;
  }
  return undefined;
}

export function integer(resource: UcwaResource, name: string): number | undefined {
  const value = resource.properties[name];
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value);
  return undefined;
}

export function list(resource: UcwaResource, name: string): string[] {
  const value = resource.properties[name];
  if (Array.isArray(value)) return value.filter((item): item is string | number => typeof item === 'string' || typeof item === 'number').map(String);
  if (typeof value === 'string' && value !== '') return [value];
  return [];
}

export function date(resource: UcwaResource, name: string): Date | undefined {
  const value = resource.properties[name];
  return typeof value === 'string' ? parseUcwaDate(value) : undefined;
}

/** Reads `/Date(1474932029620)/` (optionally with an offset suffix, which does not move the instant) or ISO 8601. */
export function parseUcwaDate(value: string): Date | undefined {
  const ajax = /^\/?Date\((-?\d+)(?:[+-]\d{4})?\)\/?$/.exec(value.trim());
  if (ajax) return new Date(Number(ajax[1]));
  if (!/^\d{4}-\d{2}-\d{2}/.test(value.trim())) return undefined;
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) ? undefined : new Date(parsed);
}

/** Narrows a text property to a documented enum; an unknown value is kept as is (servers add values). */
export function choice<T extends string>(resource: UcwaResource, name: string): T | undefined {
  return text(resource, name) as T | undefined;
}
