package io.bridgekeeper.compatibility;

import io.bridgekeeper.audit.AuditLog;
import io.bridgekeeper.base.DomainException;
import io.bridgekeeper.base.Refusal;
import io.bridgekeeper.base.TextRules;
import io.bridgekeeper.device.DeviceKind;
import io.bridgekeeper.security.CurrentUser;
import io.bridgekeeper.security.Roles;
import io.bridgekeeper.vendor.Capability;
import io.bridgekeeper.vendor.VendorAccess;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Device models, compatibility entries and their certification. Vendors (API key) and their partner managers
 * register models and declare what works; admins certify and revoke; every signed-in role reads the table,
 * where entries nobody has certified yet stay with the vendor and the admins. A revocation suspends the model on
 * the surface everywhere at commit ({@link CertificationSwitch}); certifying the pair again lifts it.
 */
@Service
@Transactional(readOnly = true)
public class CompatibilityService {

    public static final int MAX_LOOKUP = 500;
    static final Pattern MODEL_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final CompatibilityStore store;
    private final CertificationSwitch certificationSwitch;
    private final VendorAccess access;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final Clock clock;

    CompatibilityService(CompatibilityStore store, CertificationSwitch certificationSwitch, VendorAccess access,
                         CurrentUser currentUser, AuditLog audit, Clock clock) {
        this.store = store;
        this.certificationSwitch = certificationSwitch;
        this.access = access;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    // --- reads

    @RolesAllowed({Roles.ADMIN, Roles.PARTNER_MANAGER, Roles.END_USER, Roles.VENDOR})
    public List<Surface> surfaces() {
        return store.surfaces();
    }

    /** A page of the table: certified and revoked entries for everyone, declared ones for the admins and the vendor's managers. */
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER_MANAGER, Roles.END_USER})
    public List<CompatibilityRow> table(CompatibilityFilter filter, int limit, long offset) {
        return store.rows(access.scope(), filter == null ? CompatibilityFilter.none() : filter, Math.min(limit, 1000),
                Math.max(offset, 0));
    }

    @RolesAllowed({Roles.ADMIN, Roles.PARTNER_MANAGER, Roles.END_USER})
    public long count(CompatibilityFilter filter) {
        return store.count(access.scope(), filter == null ? CompatibilityFilter.none() : filter);
    }

    static final String[] CSV_HEADER = {"vendor", "vendor_name", "model", "model_name", "surface", "capability",
            "since_version", "status", "certified_versions", "revoked_reason"};

    /** Every row of the table matching the filter, as CSV, a thousand at a time; returns how many. */
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER_MANAGER, Roles.END_USER})
    public long exportCsv(CompatibilityFilter filter, java.io.OutputStream out) {
        VendorAccess.Scope scope = access.scope();
        CompatibilityFilter f = filter == null ? CompatibilityFilter.none() : filter;
        long n = 0;
        try {
            java.io.Writer writer = new java.io.OutputStreamWriter(out, java.nio.charset.StandardCharsets.UTF_8);
            org.apache.commons.csv.CSVPrinter csv = org.apache.commons.csv.CSVFormat.RFC4180.builder()
                    .setHeader(CSV_HEADER).get().print(writer);
            List<CompatibilityRow> page;
            do {
                page = store.rows(scope, f, 1000, n);
                for (CompatibilityRow r : page) {
                    csv.printRecord(r.vendorSlug(), r.vendorName(), r.modelCode(), r.modelName(), r.surfaceCode(),
                            r.capability().name(), r.sinceVersion(), r.status().name(),
                            String.join(" ", r.certifiedVersions()), r.revokedReason());
                }
                n += page.size();
            } while (page.size() == 1000);
            csv.flush();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return n;
    }

    /** The vendor's models, for an admin or its partner managers. */
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER_MANAGER})
    public List<DeviceModel> models(long vendorId) {
        access.requireManage(vendorId);
        return store.models(vendorId);
    }

    /** Every entry of the vendor's models, whatever its status, for an admin or its partner managers. */
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER_MANAGER})
    public List<CompatibilityRow> entries(long vendorId) {
        access.requireManage(vendorId);
        return store.rowsOfVendor(vendorId);
    }

    /** For the partner API: the calling vendor's own models. */
    @RolesAllowed(Roles.VENDOR)
    public List<DeviceModel> modelsForVendor(long vendorId) {
        return store.models(vendorId);
    }

    /** For the partner API: every entry of the calling vendor's models. */
    @RolesAllowed(Roles.VENDOR)
    public List<CompatibilityRow> entriesForVendor(long vendorId) {
        return store.rowsOfVendor(vendorId);
    }

    /**
     * What a device of this model works with, per surface, as the public table has it (certified or revoked; an
     * entry only declared is not shown to households). Empty for a device without a model.
     */
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER_MANAGER, Roles.END_USER})
    public List<WorksWith> worksWith(long vendorId, String modelCode) {
        if (modelCode == null) {
            return List.of();
        }
        Map<String, WorksWith> bySurface = new LinkedHashMap<>();
        for (CompatibilityRow r : store.rowsOfModel(vendorId, modelCode)) {
            if (r.status() == CertificationStatus.DECLARED) {
                continue;
            }
            WorksWith w = bySurface.get(r.surfaceCode());
            Set<Capability> caps = w == null ? EnumSet.noneOf(Capability.class) : EnumSet.copyOf(w.capabilities());
            caps.add(r.capability());
            bySurface.put(r.surfaceCode(), new WorksWith(r.surfaceCode(), r.surfaceName(), caps, r.status(),
                    r.revokedReason()));
        }
        return List.copyOf(bySurface.values());
    }

    /** What revoking the model's certification on a surface would touch now (the confirmation shows it). */
    @RolesAllowed(Roles.ADMIN)
    public RevocationReach revocationReach(long modelId) {
        DeviceModel model = requireModel(modelId);
        return store.reach(model.vendorId(), model.code());
    }

    /** The vendor's cache versions (labels, newest first) an admin may certify a model for. */
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER_MANAGER})
    public List<String> versionLabels(long vendorId) {
        access.requireManage(vendorId);
        return store.versions(vendorId).stream().map(CompatibilityStore.Version::label).toList();
    }

    // --- lookup

    /** One question of the lookup: a vendor's model on a surface. */
    public record LookupKey(String vendor, String model, String surface) {
    }

    /**
     * The status of each pair, in order; a vendor, model or surface that does not exist is answered {@code known:
     * false}. The decision API's credentials ask about any vendor in their scope (checked by the caller).
     */
    @RolesAllowed(Roles.DECISION_CLIENT)
    public List<CompatibilityLookup> lookup(List<LookupKey> keys) {
        return answer(keys, null);
    }

    /** The partner API's lookup: the calling vendor's own models only; another vendor's is answered unknown. */
    @RolesAllowed(Roles.VENDOR)
    public List<CompatibilityLookup> lookupForVendor(long vendorId, List<LookupKey> keys) {
        return answer(keys, vendorId);
    }

    private List<CompatibilityLookup> answer(List<LookupKey> keys, Long onlyVendor) {
        Set<String> surfaces = new java.util.HashSet<>();
        store.surfaces().forEach(s -> surfaces.add(s.code()));
        Map<String, Optional<Long>> vendorIds = new java.util.HashMap<>();
        Map<String, List<CompatibilityRow>> rowsByModel = new java.util.HashMap<>();
        List<CompatibilityLookup> out = new ArrayList<>(keys.size());
        for (LookupKey k : keys) {
            Optional<Long> vendorId = vendorIds.computeIfAbsent(k.vendor(), store::vendorId);
            if (vendorId.isEmpty() || (onlyVendor != null && !onlyVendor.equals(vendorId.get()))
                    || !surfaces.contains(k.surface())) {
                out.add(unknown(k));
                continue;
            }
            List<CompatibilityRow> rows = rowsByModel.computeIfAbsent(vendorId.get() + "/" + k.model(),
                    key -> store.model(vendorId.get(), k.model()).isPresent()
                            ? store.rowsOfModel(vendorId.get(), k.model()) : null);
            if (rows == null) {
                out.add(unknown(k));
                continue;
            }
            boolean suspended = certificationSwitch.isSuspended(vendorId.get(), k.model(), k.surface());
            Set<Capability> caps = EnumSet.noneOf(Capability.class);
            CertificationStatus status = suspended ? CertificationStatus.REVOKED : null;
            List<String> certified = List.of();
            for (CompatibilityRow r : rows) {
                if (r.surfaceCode().equals(k.surface())) {
                    caps.add(r.capability());
                    status = status == null ? r.status() : status;
                    certified = r.certifiedVersions();
                }
            }
            out.add(new CompatibilityLookup(k.vendor(), k.model(), k.surface(), true, status, caps, certified, suspended));
        }
        return out;
    }

    private static CompatibilityLookup unknown(LookupKey k) {
        return new CompatibilityLookup(k.vendor(), k.model(), k.surface(), false, null, Set.of(), List.of(), false);
    }

    // --- models and entries

    @RolesAllowed({Roles.ADMIN, Roles.PARTNER_MANAGER})
    @Transactional
    public long registerModel(long vendorId, NewDeviceModel model) {
        access.requireManage(vendorId);
        return insertModel(vendorId, model, currentUser.id());
    }

    /** Registered by the vendor's cloud through the partner API (the key's vendor only). */
    @RolesAllowed(Roles.VENDOR)
    @Transactional
    public long registerModelByVendor(long vendorId, NewDeviceModel model) {
        return insertModel(vendorId, model, null);
    }

    private long insertModel(long vendorId, NewDeviceModel model, Long by) {
        if (model == null) {
            throw DomainException.invalidField("invalid-model-code", "code", new Refusal("refusal.compatibility.invalid-model-code"));
        }
        String code = model.code() == null ? "" : model.code().strip();
        if (!MODEL_CODE.matcher(code).matches()) {
            throw DomainException.invalidField("invalid-model-code", "code", new Refusal("refusal.compatibility.invalid-model-code"));
        }
        String name = model.name() == null ? "" : model.name().strip();
        if (name.isEmpty() || name.length() > 200) {
            throw DomainException.invalidField("invalid-model-name", "name", new Refusal("refusal.compatibility.invalid-model-name"));
        }
        TextRules.requireCleanName("name", name);
        DeviceKind kind = kind(model.kind());
        Set<Capability> offered = store.vendorCapabilities(vendorId);
        Set<Capability> capabilities = EnumSet.noneOf(Capability.class);
        if (model.capabilities() == null || model.capabilities().isEmpty()) {
            throw DomainException.invalidField("invalid-capabilities", "capabilities",
                    new Refusal("refusal.compatibility.no-capabilities"));
        }
        for (String c : model.capabilities()) {
            Capability capability = capability(c, "capabilities");
            if (!offered.contains(capability)) {
                throw DomainException.invalidField("capability-not-offered", "capabilities",
                        new Refusal("refusal.compatibility.capability-not-offered", capability.name(), names(offered)));
            }
            capabilities.add(capability);
        }
        if (store.model(vendorId, code).isPresent()) {
            throw DomainException.conflictOnField("model-taken", "code", new Refusal("refusal.compatibility.model-taken", code));
        }
        long id = store.insertModel(vendorId, code, name, kind.name(), capabilities, clock.instant(), by);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("code", code);
        after.put("name", name);
        after.put("kind", kind.name());
        after.put("capabilities", names(capabilities));
        audit.record(CompatibilityAuditAction.DEVICE_MODEL_REGISTERED, "device_model", id, vendorId, null, after);
        return id;
    }

    @RolesAllowed({Roles.ADMIN, Roles.PARTNER_MANAGER})
    @Transactional
    public long declare(long vendorId, String modelCode, NewCompatibility entry) {
        access.requireManage(vendorId);
        return upsertEntry(vendorId, modelCode, entry, currentUser.id());
    }

    /** Declared by the vendor's cloud through the partner API (the key's vendor only). */
    @RolesAllowed(Roles.VENDOR)
    @Transactional
    public long declareByVendor(long vendorId, String modelCode, NewCompatibility entry) {
        return upsertEntry(vendorId, modelCode, entry, null);
    }

    private long upsertEntry(long vendorId, String modelCode, NewCompatibility entry, Long by) {
        DeviceModel model = store.model(vendorId, modelCode == null ? "" : modelCode.strip())
                .orElseThrow(() -> modelNotFound(modelCode));
        if (entry == null) {
            throw DomainException.invalidField("unknown-surface", "surface", new Refusal("refusal.compatibility.unknown-surface", "", surfaceCodes()));
        }
        Surface surface = surface(entry.surface());
        Capability capability = capability(entry.capability(), "capability");
        if (!model.capabilities().contains(capability)) {
            throw DomainException.invalidField("capability-not-of-model", "capability",
                    new Refusal("refusal.compatibility.capability-not-of-model", capability.name(), model.code(),
                            names(model.capabilities())));
        }
        if (!surface.capabilities().contains(capability)) {
            throw DomainException.invalidField("capability-not-on-surface", "capability",
                    new Refusal("refusal.compatibility.capability-not-on-surface", capability.name(), surface.name(),
                            names(surface.capabilities())));
        }
        String label = entry.sinceVersion() == null ? "" : entry.sinceVersion().strip();
        long versionId = store.versionId(vendorId, label).orElseThrow(() -> DomainException.invalidField("unknown-version",
                "sinceVersion", new Refusal("refusal.compatibility.unknown-version", label)));
        CompatibilityStore.Upsert upsert = store.upsertEntry(model.id(), surface.code(), capability, versionId,
                clock.instant(), by);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("model", model.code());
        after.put("surface", surface.code());
        after.put("capability", capability.name());
        after.put("sinceVersion", label);
        Map<String, Object> before = upsert.previousSince() == null ? null : Map.of("sinceVersion", upsert.previousSince());
        audit.record(CompatibilityAuditAction.COMPATIBILITY_DECLARED, "compatibility", upsert.id(), vendorId, before, after);
        return upsert.id();
    }

    // --- certification

    /**
     * Certifies the model on the surface for the vendor's cache version; when the pair was revoked, its suspension
     * is lifted on every node.
     */
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    public void certify(long modelId, String surfaceCode, String versionLabel) {
        DeviceModel model = requireModel(modelId);
        Surface surface = surface(surfaceCode);
        String label = versionLabel == null ? "" : versionLabel.strip();
        long versionId = store.versionId(model.vendorId(), label).orElseThrow(() -> DomainException.invalidField(
                "unknown-version", "version", new Refusal("refusal.compatibility.unknown-version", label)));
        store.lockModel(modelId);
        if (!store.hasEntries(modelId, surface.code())) {
            throw DomainException.invalidField("not-declared", "surface",
                    new Refusal("refusal.compatibility.not-declared", model.code(), surface.name()));
        }
        Optional<String> open = store.openSuspensionReason(modelId, surface.code());
        if (open.isEmpty() && store.isCertified(modelId, surface.code(), versionId)) {
            throw DomainException.conflictOnField("already-certified", "version",
                    new Refusal("refusal.compatibility.already-certified", model.code(), surface.name(), label));
        }
        List<String> before = store.certifiedVersions(modelId, surface.code());
        long id = store.certify(modelId, surface.code(), versionId, clock.instant(), currentUser.id());
        boolean lifted = open.isPresent() && store.liftSuspension(modelId, surface.code(), clock.instant(),
                currentUser.id()) > 0;
        if (lifted) {
            certificationSwitch.changed(model.vendorId(), model.code(), surface.code(), "LIFTED");
        }
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("status", open.isPresent() ? "REVOKED" : before.isEmpty() ? "DECLARED" : "CERTIFIED");
        b.put("certifiedVersions", before);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("model", model.code());
        after.put("surface", surface.code());
        after.put("version", label);
        after.put("status", "CERTIFIED");
        after.put("suspensionLifted", lifted);
        audit.record(CompatibilityAuditAction.CERTIFICATION_GRANTED, "certification", id, model.vendorId(), b, after);
    }

    /**
     * Revokes every certification of the model on the surface and suspends the pair (reason CERTIFICATION) on every
     * node: deliveries of the model's devices to that surface are refused as NOT_CERTIFIED until certified again.
     */
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    public RevocationReach revoke(long modelId, String surfaceCode, String reason) {
        DeviceModel model = requireModel(modelId);
        Surface surface = surface(surfaceCode);
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 2000) {
            throw DomainException.invalidField("invalid-reason", "reason", new Refusal("refusal.compatibility.invalid-reason"));
        }
        TextRules.requireCleanText("reason", why);
        store.lockModel(modelId);
        if (store.openSuspensionReason(modelId, surface.code()).isPresent()) {
            throw DomainException.conflict("already-revoked",
                    new Refusal("refusal.compatibility.already-revoked", model.code(), surface.name()));
        }
        List<String> revoked = store.revokeAll(modelId, surface.code(), why, clock.instant(), currentUser.id());
        if (revoked.isEmpty()) {
            throw DomainException.conflict("not-certified",
                    new Refusal("refusal.compatibility.not-certified", model.code(), surface.name()));
        }
        long suspensionId = store.openSuspension(modelId, surface.code(), why, clock.instant(), currentUser.id());
        certificationSwitch.changed(model.vendorId(), model.code(), surface.code(), "SUSPENDED");
        RevocationReach reach = store.reach(model.vendorId(), model.code());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("model", model.code());
        after.put("surface", surface.code());
        after.put("status", "REVOKED");
        after.put("reason", why);
        after.put("reasonCode", "CERTIFICATION");
        after.put("revokedVersions", revoked);
        after.put("devices", reach.devices());
        after.put("households", reach.households());
        audit.record(CompatibilityAuditAction.CERTIFICATION_REVOKED, "certification_suspension", suspensionId,
                model.vendorId(), Map.of("status", "CERTIFIED", "certifiedVersions", revoked), after);
        return reach;
    }

    // --- shared

    private DeviceModel requireModel(long modelId) {
        return store.model(modelId).orElseThrow(() -> modelNotFound(String.valueOf(modelId)));
    }

    private static DomainException modelNotFound(String code) {
        return DomainException.notFound("model-not-found", new Refusal("refusal.compatibility.model-not-found",
                code == null ? "" : code));
    }

    private Surface surface(String code) {
        String c = code == null ? "" : code.strip();
        return store.surfaces().stream().filter(s -> s.code().equals(c)).findFirst()
                .orElseThrow(() -> DomainException.invalidField("unknown-surface", "surface",
                        new Refusal("refusal.compatibility.unknown-surface", c, surfaceCodes())));
    }

    private String surfaceCodes() {
        return String.join(", ", store.surfaces().stream().map(Surface::code).toList());
    }

    private static DeviceKind kind(String kind) {
        String k = kind == null ? "" : kind.strip().toUpperCase(Locale.ROOT);
        for (DeviceKind dk : DeviceKind.values()) {
            if (dk.name().equals(k)) {
                return dk;
            }
        }
        throw DomainException.invalidField("unknown-kind", "kind", new Refusal("refusal.compatibility.unknown-kind",
                kind == null ? "" : kind, names(EnumSet.allOf(DeviceKind.class))));
    }

    private static Capability capability(String name, String field) {
        String c = name == null ? "" : name.strip().toUpperCase(Locale.ROOT);
        for (Capability capability : Capability.values()) {
            if (capability.name().equals(c)) {
                return capability;
            }
        }
        throw DomainException.invalidField("unknown-capability", field, new Refusal(
                "refusal.compatibility.unknown-capability", name == null ? "" : name,
                names(EnumSet.allOf(Capability.class))));
    }

    private static String names(Set<? extends Enum<?>> values) {
        return String.join(", ", values.stream().map(Enum::name).sorted().toList());
    }
}
