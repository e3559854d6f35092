/**
 * Greenhouse-gas accounting for freight transport chains after ISO 14083:2023.
 *
 * <p>A chain is a list of transport chain elements ({@link org.caravan.emissions.ChainElement}):
 * transport legs, each with a transport operation category (TOC), and hub operations, each with a
 * hub operation category (HOC). A leg emits mass × adjusted distance × intensity, where the
 * adjusted distance is the shortest feasible distance times the mode's distance adjustment factor
 * when the factor is on an actual-distance basis (ISO 14083 5.4.4; sea factors are SFD-based and
 * get none); a hub emits TEU × intensity. Every factor carries a low and a high end ({@link
 * org.caravan.emissions.WtwRange}). Where no published intensity fits the vehicle as it runs,
 * Caravan builds one: container trains from energy per gross tonne-km times the gross/net ratio of
 * a block train ({@link org.caravan.emissions.ContainerTrain}, EcoTransIT's capacity-utilisation
 * logic), rail ferries from the ship's per-tonne factor charged on cargo plus wagon and container
 * tare; {@link org.caravan.emissions.VehicleCategories} picks the category of a network link from
 * what runs on it. Every number is kept as WTT and TTW, and WTW is their sum, so WTW = WTT + TTW
 * holds on every element and in every total. Electric rail is energy per tonne-km times the grid
 * intensity of each country the leg crosses, weighted by its kilometres there; electricity is all
 * WTT. Default factors live in {@code data/emissions/factors.csv} (packed into the jar) with
 * source, year and licence on every row, and {@code categories.csv} maps TOC and HOC ids to them;
 * an operator's primary data ({@link org.caravan.emissions.PrimaryData}) replaces the default on
 * the legs it covers, and every result names the factors it used and whether they were default or
 * primary. {@link org.caravan.emissions.EmissionCalculator} is the one entry point: whole chains
 * for reports, and an allocation-free per-leg call for routing. The module never routes: a
 * caller-supplied {@link org.caravan.emissions.DistanceResolver} turns from/to into distance and
 * countries.
 *
 * <p>Sources: [1] ISO 14083:2023, Greenhouse gases — Quantification and reporting of greenhouse gas
 * emissions arising from transport chain operations (method only; no ISO table is embedded). [2]
 * Smart Freight Centre, GLEC Framework v3 (formulas only; its tables are not licensed for reuse and
 * are not embedded). [3] UK DESNZ, Greenhouse gas reporting: conversion factors 2025, Open
 * Government Licence v3.0 (transport and fuel factors). [4] Ember, Yearly Electricity Data, 2025
 * release, CC BY 4.0, via thegreenwebfoundation/co2.js (grid intensities). [5] VTT LIPASTO unit
 * emissions, electric container train, Finland 2016 (energy per tonne-km, cited fact). [6]
 * Budiyanto et al. 2021, Scientific Reports 11:5476, CC BY 4.0 (container terminal CO2 per TEU).
 * [7] sine-fdn/ileap-extension reference code (TEU masses). [8] EcoTransIT World methodology report
 * (2011), capacity utilisation CU = LF / (1 + ET). [9] Clean Cargo industry average (cited fact,
 * low end of the deep-sea range). See docs/EMISSIONS.md.
 */
package org.caravan.emissions;
