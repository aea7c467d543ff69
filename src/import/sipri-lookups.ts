// SIPRI import: finds or plans the actors and platforms a register names, against maps of
// what the database already holds (loaded once per import, so rows cost no queries).
import { sql } from 'drizzle-orm';
import type { InferInsertModel } from 'drizzle-orm';
import { queryRows, type Db } from '../db/client.js';
import type { actorAliases, actors, platformAliases, platforms } from '../db/schema.js';
import { naturalKeys, stableUuid } from '../db/stable-id.js';
import { referenceAliasesOfState } from '../reference/state-aliases.js';
import type { WeaponCategory } from './sipri-categories.js';
import { resolveSipriActor, type SipriActorIdentity } from './sipri-names.js';

type ActorInsert = InferInsertModel<typeof actors> & { id: string };
type ActorAliasInsert = InferInsertModel<typeof actorAliases>;
type PlatformInsert = InferInsertModel<typeof platforms> & { id: string };
type PlatformAliasInsert = InferInsertModel<typeof platformAliases>;

/** Rows to insert before the deals that reference them; drained once per batch. */
export interface PendingReferenceRows {
  actors: ActorInsert[];
  actorAliases: ActorAliasInsert[];
  platforms: PlatformInsert[];
  platformAliases: PlatformAliasInsert[];
}

const pair = (id: string, alias: string) => `${id}\u0000${alias}`;

export class SipriLookups {
  actorsCreated = 0;
  platformsCreated = 0;
  private pending: PendingReferenceRows = {
    actors: [],
    actorAliases: [],
    platforms: [],
    platformAliases: [],
  };
  /** Actor identity key → id, for actors already resolved in this import. */
  private readonly actorByIdentity = new Map<string, string>();
  private readonly platformByKey = new Map<string, string>();

  private constructor(
    private readonly actorIds: Set<string>,
    private readonly actorByAlpha3: Map<string, string>,
    private readonly actorByName: Map<string, string>,
    private readonly actorAliasPairs: Set<string>,
    private readonly platformIds: Set<string>,
    /** lower(designation or alias) → platforms with that name and their category. */
    private readonly platformsByName: Map<string, { id: string; category: string | null }[]>,
    private readonly platformAliasPairs: Set<string>,
  ) {}

  /** Loads every actor and platform name once: a few thousand rows at most. */
  static async load(db: Db): Promise<SipriLookups> {
    const actorRows = await queryRows<{ id: string; name: string; iso_alpha3: string | null }>(
      db,
      sql`select id, name, iso_alpha3 from actors`,
    );
    const aliasRows = await queryRows<{ actor_id: string; alias: string }>(
      db,
      sql`select actor_id, alias from actor_aliases`,
    );
    const platformRows = await queryRows<{
      id: string;
      designation: string;
      category: string | null;
    }>(db, sql`select id, designation, category from platforms`);
    const platformAliasRows = await queryRows<{ platform_id: string; alias: string }>(
      db,
      sql`select platform_id, alias from platform_aliases`,
    );

    const byAlpha3 = new Map<string, string>();
    const byName = new Map<string, string>();
    for (const a of actorRows) {
      if (a.iso_alpha3) byAlpha3.set(a.iso_alpha3, a.id);
      else if (!byName.has(a.name.toLowerCase())) byName.set(a.name.toLowerCase(), a.id);
    }
    for (const a of aliasRows) {
      if (!byName.has(a.alias.toLowerCase())) byName.set(a.alias.toLowerCase(), a.actor_id);
    }
    const platformCategory = new Map(platformRows.map((p) => [p.id, p.category]));
    const platformsByName = new Map<string, { id: string; category: string | null }[]>();
    const addPlatformName = (name: string, id: string) => {
      const list = platformsByName.get(name.toLowerCase()) ?? [];
      if (!list.some((p) => p.id === id))
        list.push({ id, category: platformCategory.get(id) ?? null });
      platformsByName.set(name.toLowerCase(), list);
    };
    for (const p of platformRows) addPlatformName(p.designation, p.id);
    for (const p of platformAliasRows) addPlatformName(p.alias, p.platform_id);

    return new SipriLookups(
      new Set(actorRows.map((a) => a.id)),
      byAlpha3,
      byName,
      new Set(aliasRows.map((a) => pair(a.actor_id, a.alias))),
      new Set(platformRows.map((p) => p.id)),
      platformsByName,
      new Set(platformAliasRows.map((p) => pair(p.platform_id, p.alias))),
    );
  }

  /**
   * The actor for a SIPRI name: an existing one (by ISO alpha-3 for states, else by name or
   * alias, case-insensitively) or a new one with a stable ID. SIPRI's spelling is recorded
   * as an alias either way, so every name SIPRI has used finds the actor again; a new state
   * also gets its reference names (English, French, Russian, abbreviations) as aliases.
   */
  actorFor(sipriName: string): string {
    const identity = resolveSipriActor(sipriName);
    const id = this.actorByIdentity.get(identity.key) ?? this.findOrPlanActor(identity);
    this.planAlias(id, sipriName.trim(), 'en');
    return id;
  }

  private planAlias(actorId: string, alias: string, language: string): void {
    if (this.actorAliasPairs.has(pair(actorId, alias))) return;
    this.actorAliasPairs.add(pair(actorId, alias));
    this.pending.actorAliases.push({ actorId, alias, language });
  }

  private findOrPlanActor(identity: SipriActorIdentity): string {
    const existing = identity.iso
      ? this.actorByAlpha3.get(identity.iso.alpha3)
      : this.actorByName.get(identity.name.toLowerCase());
    let id = existing;
    if (!id) {
      // The host goes first so that it exists when the group's row references it.
      const countryId = identity.hostName ? this.actorFor(identity.hostName) : null;
      id = identity.iso
        ? stableUuid(naturalKeys.state(identity.iso.alpha3))
        : stableUuid(naturalKeys.actor(identity.name));
      if (!this.actorIds.has(id)) {
        this.actorIds.add(id);
        this.actorsCreated += 1;
        this.pending.actors.push({
          id,
          kind: identity.kind,
          name: identity.name,
          isoAlpha2: identity.iso?.alpha2 ?? null,
          isoAlpha3: identity.iso?.alpha3 ?? null,
          isoNumeric: identity.iso?.numeric ?? null,
          countryId,
          existedFrom: identity.existedFrom,
          existedUntil: identity.existedUntil,
        });
        if (identity.kind === 'STATE') {
          const state = { isoAlpha3: identity.iso?.alpha3 ?? null, name: identity.name };
          for (const a of referenceAliasesOfState(state)) this.planAlias(id, a.alias, a.language);
        }
      }
    }
    this.actorByIdentity.set(identity.key, id);
    return id;
  }

  /**
   * The platform for a designation within a category. One designation can name unrelated
   * systems (`Hunter`: fighter, frigate, sonar; `P-15`: radar, missile), so the category is
   * part of the platform's identity; an existing platform without a category matches any.
   */
  platformFor(
    designation: string,
    sipriDesignation: string,
    category: WeaponCategory | null,
    description: string,
  ): string {
    const cacheKey = `${designation.toLowerCase()}|${category ?? ''}`;
    let id = this.platformByKey.get(cacheKey);
    if (!id) {
      const candidates = this.platformsByName.get(designation.toLowerCase()) ?? [];
      id =
        candidates.find((p) => p.category === category)?.id ??
        candidates.find((p) => p.category === null)?.id;
      if (!id) {
        id = stableUuid(
          `${naturalKeys.platform(designation)}|${(category ?? 'uncategorised').toLowerCase()}`,
        );
        if (!this.platformIds.has(id)) {
          this.platformIds.add(id);
          this.platformsCreated += 1;
          this.pending.platforms.push({
            id,
            designation,
            category,
            description: description || null,
          });
        }
      }
      this.platformByKey.set(cacheKey, id);
    }
    const alias = sipriDesignation.trim();
    if (
      alias.toLowerCase() !== designation.toLowerCase() &&
      !this.platformAliasPairs.has(pair(id, alias))
    ) {
      this.platformAliasPairs.add(pair(id, alias));
      this.pending.platformAliases.push({ platformId: id, alias, language: null });
    }
    return id;
  }

  takePending(): PendingReferenceRows {
    const taken = this.pending;
    this.pending = { actors: [], actorAliases: [], platforms: [], platformAliases: [] };
    return taken;
  }
}
