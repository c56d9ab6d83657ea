using System.Security.Cryptography;
using System.Text;

namespace CrossModalML.Analysis.Users;

/// <summary>Turns user ids into salted pseudonyms: <c>user-</c> + the first 12 hex digits of HMAC-SHA256(salt, id).</summary>
/// <remarks>With a random salt that is never stored, a pseudonym cannot be linked back to an id by hashing guesses.
/// 48 bits keep collisions negligible (about one in 10⁸ for a thousand users); a collision is still detected.</remarks>
internal sealed class UserIdPseudonymizer
{
    private readonly byte[] _key;

    public UserIdPseudonymizer(string? salt)
    {
        _key = salt is null ? RandomNumberGenerator.GetBytes(32) : Encoding.UTF8.GetBytes(salt);
    }

    public string Pseudonym(string userId)
    {
        var mac = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(userId));
        return "user-" + Convert.ToHexStringLower(mac, 0, 6);
    }
}
