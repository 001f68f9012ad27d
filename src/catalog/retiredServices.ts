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
