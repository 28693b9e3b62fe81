package io.devopskpi.core.governance;

/**
 * How a KPI fared against the contract: MET when the target's operator holds (a value exactly at the limit meets
 * {@code >=} and {@code <=}), MISSED when it does not, NOT_ENOUGH_DATA when the value is undefined or rests on
 * fewer samples than the target's minimum (never MISSED: too little evidence is not a breach), NO_TARGET when no
 * target is in force.
 */
public enum ContractVerdict {
    MET, MISSED, NOT_ENOUGH_DATA, NO_TARGET
}
