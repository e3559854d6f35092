package org.caravan.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.caravan.crm.CrmData.Disruption;
import org.caravan.crm.RiskReport;
import org.caravan.crm.RiskReport.Capacity;
import org.caravan.crm.RiskReport.Conditional;
import org.caravan.crm.RiskReport.FlowRoutes;
import org.caravan.crm.RiskReport.MaterialRisk;
import org.caravan.crm.RiskReport.RoutedPart;
import org.caravan.crm.RiskReport.Share;
import org.caravan.crm.RiskReport.Stop;
import org.caravan.crm.RiskReport.Stranded;
import org.caravan.network.LaneSwitches;

/**
 * The JSON view of a CRM risk report, shared by the CLI ({@code caravan crm risk --json}) and the
 * HTTP API: snake_case names, absent values as null (never NaN), documented in docs/CLI.md.
 */
final class CrmViews {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private CrmViews() {}

  /**
   * @param lanes the dated sea-lane switches in force at the reference departure, which every route
   *     sails round
   */
  static ObjectNode json(RiskReport r, List<LaneSwitches.Switch> lanes) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("split_rule", r.splitRule());
    root.put("departure", CrmService.DEPARTURE.toString().substring(0, 10));
    ArrayNode ln = root.putArray("sea_lanes");
    for (LaneSwitches.Switch s : lanes) {
      ObjectNode o = ln.addObject();
      o.put("id", s.id());
      o.put("name", s.name());
      o.put("valid_from", s.validFrom().toString());
      o.put("valid_to", s.validTo().toString());
      strings(o.putArray("avoid_passages"), s.passageCodes());
      o.put("kind", s.kind());
      o.put("source", s.source());
    }
    if (r.disruption().isPresent()) {
      var d = r.disruption().get();
      ObjectNode dn = root.putObject("disruption");
      dn.put("id", d.id());
      dn.put("name", d.name());
      strings(dn.putArray("removes"), d.removes());
      dn.put("source", d.source());
    } else {
      root.putNull("disruption");
    }
    ArrayNode materials = root.putArray("materials");
    for (MaterialRisk m : r.materials()) {
      ObjectNode mn = materials.addObject();
      mn.put("id", m.id());
      mn.put("name", m.name());
      mn.put("eu_list", m.euList());
      mn.put("cargo", m.cargo());
      mn.put("un_class", m.unClass());
      mn.put("tonnes_yr", m.tonnes_yr());
      mn.put("route_hhi", m.routeHhi());
      mn.put("chokepoint_hhi", m.chokepointHhi());
      shares(mn.putArray("chokepoints"), m.chokepoints());
      shares(mn.putArray("chokepoint_sets"), m.chokepointSets());
      ArrayNode flows = mn.putArray("flows");
      for (FlowRoutes f : m.flows()) {
        ObjectNode fn = flows.addObject();
        fn.put("id", f.id());
        fn.put("origin", f.origin());
        fn.put("destination", f.destination());
        fn.put("tonnes_yr", f.tonnes_yr());
        fn.put("tonnes_source", f.tonnesSource());
        parts(fn.putArray("routes"), f.routes());
        fn.put("unrouted_t", f.unrouted_t());
        optional(fn, "no_route", f.noRoute().map(CrmViews::fieldNames));
      }
    }
    ArrayNode stranded = root.putArray("stranded");
    for (Stranded s : r.stranded()) {
      ObjectNode sn = stranded.addObject();
      sn.put("flow", s.flow());
      sn.put("material", s.material());
      sn.put("tonnes_yr", s.tonnes_yr());
      parts(sn.putArray("before"), s.before());
      parts(sn.putArray("alternative"), s.alternative());
      optional(sn, "no_alternative", s.noAlternative().map(CrmViews::fieldNames));
      number(sn, "extra_days", s.extraDays());
      number(sn, "extra_cost_usd_yr", s.extraCostUsd_yr());
      number(sn, "extra_co2e_t_yr", s.extraCo2e_t_yr());
      Capacity c = s.capacity();
      ObjectNode cn = sn.putObject("capacity");
      cn.put("bottleneck", c.bottleneck());
      number(cn, "capacity_teu_day", c.capacityTeu_day());
      number(cn, "added_teu_day", c.addedTeu_day());
      cn.putNull("spare_teu_day");
      cn.put("note", c.note());
      if (s.conditional().isPresent()) {
        Conditional k = s.conditional().get();
        ObjectNode kn = sn.putObject("conditional_alternative");
        kn.put("condition", k.condition());
        parts(kn.putArray("routes"), k.routes());
        number(kn, "extra_days", k.extraDays());
        number(kn, "extra_cost_usd_yr", k.extraCostUsd_yr());
        number(kn, "extra_co2e_t_yr", k.extraCo2e_t_yr());
      } else {
        sn.putNull("conditional_alternative");
      }
    }
    return root;
  }

  /** The named disruptions: id, name, what they remove, duration if known, sources and notes. */
  static ArrayNode disruptions(List<Disruption> list) {
    ArrayNode out = MAPPER.createArrayNode();
    for (Disruption d : list) {
      ObjectNode n = out.addObject();
      n.put("id", d.id());
      n.put("name", d.name());
      strings(n.putArray("removes"), d.removes().stream().map(Object::toString).toList());
      n.put("source", d.source());
      n.put("notes", d.notes());
    }
    return out;
  }

  private static void parts(ArrayNode out, List<RoutedPart> parts) {
    for (RoutedPart p : parts) {
      ObjectNode pn = out.addObject();
      pn.put("tonnes_yr", p.tonnes_yr());
      pn.put("corridor", p.corridor());
      pn.put("days", p.days());
      pn.put("cost_usd_t", p.costUsd_t());
      pn.put("co2e_kg_t", p.co2eKg_t());
      strings(pn.putArray("countries"), p.countries());
      strings(pn.putArray("chokepoints"), p.chokepoints());
      strings(pn.putArray("modes"), p.modes());
      strings(pn.putArray("legs"), p.legs());
      optional(pn, "quota_note", p.quotaNote());
      ArrayNode path = pn.putArray("path");
      for (Stop st : p.path()) {
        path.addObject()
            .put("id", st.id())
            .put("name", st.name())
            .put("lat", st.lat())
            .put("lon", st.lon());
      }
    }
  }

  private static void shares(ArrayNode out, List<Share> shares) {
    for (Share s : shares) {
      out.addObject().put("id", s.id()).put("tonnes_yr", s.tonnes_yr()).put("share", s.share());
    }
  }

  private static void strings(ArrayNode out, List<String> values) {
    values.forEach(out::add);
  }

  private static void optional(ObjectNode n, String field, Optional<String> v) {
    if (v.isPresent()) {
      n.put(field, v.get());
    } else {
      n.putNull(field);
    }
  }

  private static void number(ObjectNode n, String field, double v) {
    if (Double.isFinite(v)) {
      n.put(field, v);
    } else {
      n.putNull(field);
    }
  }

  /**
   * The router's reasons name request fields as {@code {field}}: this view names them as its JSON
   * fields.
   */
  private static String fieldNames(String template) {
    return template.replaceAll("\\{(\\w+)\\}", "$1");
  }
}
