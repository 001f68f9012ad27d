import type { RetiredServices } from './types';

/**
 * Services AWS has retired whose prefixes the IAM data no longer lists, but which AWS
 * managed policies (and older customer policies) still mention. Hand-written: each one is
 * a real service that AWS discontinued, and each prefix is absent from the installed data
 * (retiredServices.test.ts checks). Prefix -> the service's former name.
 */
export const RETIRED_SERVICES: RetiredServices = {
  deepcomposer: 'AWS DeepComposer',
  deeplens: 'AWS DeepLens',
  deepracer: 'AWS DeepRacer',
  'elastic-inference': 'Amazon Elastic Inference',
  gamesparks: 'Amazon GameSparks',
  iot1click: 'AWS IoT 1-Click',
  iotroborunner: 'AWS IoT RoboRunner',
  iotthingsgraph: 'AWS IoT Things Graph',
  macie: 'Amazon Macie Classic',
  mobilehub: 'AWS Mobile Hub',
  sumerian: 'Amazon Sumerian',
  zocalo: 'Amazon Zocalo (later Amazon WorkDocs)',
};

/**
 * When AWS ended a retired service, where we are sure of it (from AWS's end-of-life notices);
 * services not listed here are named without a date.
 */
export const RETIRED_SERVICE_DATES: Readonly<Record<string, string>> = {
  deeplens: '2024-01-31',
  iot1click: '2024-12-16',
  deepcomposer: '2025-09-17',
};

/** "AWS DeepLens (prefix deeplens), retired by AWS on 2024-01-31" */
export function describeRetiredService(prefix: string, name: string): string {
  const date = Object.prototype.hasOwnProperty.call(RETIRED_SERVICE_DATES, prefix)
    ? RETIRED_SERVICE_DATES[prefix]
    : undefined;
  return `${name} (prefix ${prefix}), retired by AWS${date ? ` on ${date}` : ''}`;
}
