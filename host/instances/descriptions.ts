/**
 * Gateways' descriptions, kept by this app in `<dataDir>/gateway-descriptions.json` by InstanceId:
 * CreateInstance and ModifyInstanceAttribute have no description field (docs/alibaba-openapi.md,
 * "Dedicated instances"), so the cloud cannot hold one.
 */
import { join } from 'node:path';
import { JsonFile } from '../base/json-file';

export const DESCRIPTIONS_FILE = 'gateway-descriptions.json';

interface DescriptionsFile {
  descriptions: Record<string, string>;
}

function isDescriptionsFile(value: unknown): value is DescriptionsFile {
  const descriptions = (value as Partial<DescriptionsFile> | null)?.descriptions;
  return typeof descriptions === 'object' && descriptions !== null && !Array.isArray(descriptions);
}

export class InstanceDescriptions {
  private readonly file: JsonFile<DescriptionsFile>;

  constructor(dataDir: string) {
    this.file = new JsonFile(join(dataDir, DESCRIPTIONS_FILE), () => ({ descriptions: {} }), isDescriptionsFile);
  }

  async all(): Promise<Record<string, string>> {
    return (await this.file.read()).descriptions;
  }

  async get(instanceId: string): Promise<string | undefined> {
    const descriptions = await this.all();
    return Object.hasOwn(descriptions, instanceId) ? descriptions[instanceId] : undefined;
  }

  /** An empty or absent description forgets the entry. */
  async set(instanceId: string, description: string | undefined): Promise<void> {
    await this.file.update((value) => {
      if (description) value.descriptions[instanceId] = description;
      else delete value.descriptions[instanceId];
    });
  }
}
