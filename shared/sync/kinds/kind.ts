/**
 * What sync knows about one kind of cloud object that has an id of its own (an API group, an
 * API, an app...): one descriptor per kind, in this folder, one file each (docs/sync.md "Adding a
 * sync kind"). The planner (plan-objects.ts) and apply (host/sync/apply-steps.ts) walk these
 * descriptors; they hold no list of kinds of their own. Relations between objects (stage
 * variables, bindings, authorizations, deployments, a group's network setting) are not kinds:
 * they have no id, no create/modify/delete of their own and no name to adopt by.
 */
import type { CloudIds, Project } from '../../model/schema';
import type { AppIds, CloudParamSet } from '../cloud-mapping';
import type { CloudRecord } from '../cloud-values';
import type { Match } from '../match';
import type { PlanRef } from '../plan-ref';
import type { CloudSnapshot, SnapshotObject } from '../snapshot';

/**
 * What a kind's planner rules (deleteBlocker, unmanagedNote) may read of the plan being made. The
 * planner's PlanContext has all of it; naming only this keeps the kinds below the planner.
 */
export interface KindRuleContext {
  snapshot: CloudSnapshot;
  /** Every kind's design/cloud matches, by kind. */
  matches: Readonly<Record<string, readonly Match<unknown, SnapshotObject>[]>>;
}

/** The CloudIds fields that hold one kind's ids, by design key. */
export type IdRecord = { [F in keyof CloudIds]-?: CloudIds[F] extends Record<string, string> ? F : never }[keyof CloudIds];

/** The CloudSnapshot lists that hold one kind's cloud objects. */
export type SnapshotList = { [F in keyof CloudSnapshot]: CloudSnapshot[F] extends SnapshotObject[] ? F : never }[keyof CloudSnapshot];

/** A paged Describe* list: pull reads it whole; a create whose answer was lost looks its object up in it by name. */
export interface CloudList {
  action: string;
  /** Where the items are in the answer. */
  path: string;
  idField: string;
  nameField: string;
  /** The request field that filters by name, as the action's SDK model declares it (docs/sync.md "Lost answers"). */
  nameFilter: string;
  /** The largest page the action takes. */
  pageSize: number;
}

/** One OpenAPI call apply sends beside the kind's create/modify/delete. */
export interface CloudCall {
  action: string;
  params: CloudParamSet;
  /** Error codes that mean the call is already done (a retry after a lost answer). */
  tolerate?: readonly string[];
}

/** What the cloud holds for a matched object, in the design's terms. */
export interface CloudSide {
  fields?: unknown;
  /** What the cloud's object uses that the design cannot hold (an update removes it). */
  unsupported?: string[];
  /** Set when the object cannot be compared at all (a plug-in of another type...): a conflict line. */
  blocked?: string;
}

/** Members are methods, not function-typed properties, so that every kind is a SyncKind<ObjectKind> the generic loops can walk. */
export interface SyncKind<K extends string = string, D = unknown, C extends SnapshotObject = SnapshotObject> {
  /** PlanLine.kind, and the `<kind>:<key>` prefix of fingerprints and pending creates. */
  kind: K;
  /** How plan lines name one: "new throttling policy in the design". */
  noun: string;
  /** How apply's errors name the cloud's objects of this kind: "2 API groups of that name". */
  cloudNoun: string;
  /** Kinds whose cloud ids this kind's calls carry: created before it, deleted after it. */
  needs: readonly string[];
  /** Lines that set parts of an object with calls of their own once it exists (a group's stage variables and network): their phase follows the kind's. */
  settings?: readonly string[];
  /** Where the design keeps them. */
  design(project: Project): readonly D[];
  /** The object's own name, as the cloud has it. */
  name(item: D): string;
  /**
   * The object lives inside another (an API in its group): its design key is `<parent key>/<name>`,
   * and its create, modify, detail read and lookup by name carry the parent's id as `param`.
   */
  parent?: {
    kind: string;
    param: string;
    /** The parent's design key of a design object. */
    key(item: D): string;
    /** The parent's cloud id of a cloud object, as pull keeps it. */
    idOf(cloud: C): string | undefined;
  };
  /** What a plan line's ref says about an object of this design key. */
  ref(key: string): PlanRef;
  /** Where sync records their ids in the project (`cloud.<profile>.<ids>`). */
  ids: IdRecord;
  /** Where pull puts them. */
  snapshot: SnapshotList;

  cloud: {
    list: CloudList;
    /** The create action and the field of its answer that holds the new id. */
    create: { action: string; idField: string };
    modify: string;
    delete: string;
    /** The parameter that names one object in modify, delete and the detail read. */
    idParam: string;
    /** Codes that answer a call naming an object of this kind that is gone: a delete takes them as done. */
    notFound: readonly string[];
    /**
     * When the list item does not hold the whole object: the action that reads it (DescribeApi),
     * and what it answers for what apply just wrote (kept by the pull cache, so the next plan reads nothing).
     */
    detail?: { action: string; answerFor(item: D, id: string): CloudRecord };
  };

  // The design ↔ cloud mapping (shared/sync/cloud-mapping.ts, canonical.ts).

  /** The create's parameters (the parent's id added in front, when there is a parent). */
  toParams(item: D, apps: AppIds): CloudParamSet;
  /** The modify's parameters when they are not the create's (ModifyPlugin takes no PluginType); the id goes in front. */
  modifyParams?(item: D, apps: AppIds): CloudParamSet;
  /** The design object as the cloud would store it: what is compared and fingerprinted. */
  designFields(item: D, apps: AppIds): unknown;
  /** The cloud's object (its list item, or its detail read) in the same terms. */
  cloudFields(read: CloudRecord, item: D, apps: AppIds): CloudSide;
  /** A list item as pull keeps it, for kinds whose snapshot holds more than id, name and item (an API's group and stages). */
  fromList?(object: SnapshotObject): C;
  /**
   * Parts of the object written with calls of their own (a policy's specials): `paths` are the
   * compared fields they cover (the modify is sent only when another field changed), `calls` what
   * makes the cloud's parts (undefined: a new object, none yet) the design's.
   */
  parts?: { paths: readonly string[]; calls(id: string, cloud: CloudRecord | undefined, item: D, apps: AppIds): CloudCall[] };
  /** Calls sent before the delete (an API's stages abolished); any kind's not-found code counts as done. */
  beforeDelete?(cloud: C | undefined, id: string): CloudCall[];

  // Planner rules that only some kinds have.

  /** Something in the design the cloud cannot take (an API with request method ANY): a conflict instead of a create or update. */
  designBlocker?(item: D): string | undefined;
  /** Something blocks deleting this orphan (a group that still holds APIs of others). */
  deleteBlocker?(match: Match<D, C>, context: KindRuleContext): string | undefined;
  /** The reason on an unmanaged object's line, when it says more than the default. */
  unmanagedNote?(cloud: C, context: KindRuleContext): string;
  /** Apply's sentence when an object found by name after a lost answer cannot be compared (cloudFields blocked). */
  adoptRefusal?(item: D, id: string): string;
}
