using System.Security.Cryptography;
using System.Text;

namespace CrossModalML.Analysis.Patterns;

/// <summary>
/// Replaces user ids with salted SHA-256 pseudonyms (<c>user_</c> + 10 hex digits), so reports can show who is
/// central without naming anyone.
/// </summary>
/// <remarks>
/// The same id and salt always give the same pseudonym; without the salt, a pseudonym cannot be checked against a
/// list of known ids. Ids compare without regard to case (handles are case-insensitive on most platforms).
/// Thread-safe.
/// </remarks>
internal sealed class UserPseudonymizer
{
    private readonly byte[] _salt;

    public UserPseudonymizer(string salt)
    {
        ArgumentException.ThrowIfNullOrEmpty(salt);
        _salt = Encoding.UTF8.GetBytes(salt);
    }

    /// <summary>A fresh random salt, for pseudonyms that only hold within one run.</summary>
    public static string RandomSalt() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public string Pseudonymize(string userId)
    {
        ArgumentNullException.ThrowIfNull(userId);
        var hash = HMACSHA256.HashData(_salt, Encoding.UTF8.GetBytes(userId.ToLowerInvariant()));
        return "user_" + Convert.ToHexStringLower(hash.AsSpan(0, 5));
    }
}
