namespace Learning.Modules.Accounts;

/// <summary>Listed structures are offered to everyone; a proposed one is its proposer's (and counts) until an
/// administrator approves it or merges it into another.</summary>
public enum StructureStatus
{
    Listed,
    Proposed,
}
