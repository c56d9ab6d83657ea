using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace CrossModalML.Privacy;

/// <summary>Turns user ids into salted pseudonyms (keyed HMAC-SHA256) for everything CrossModalML writes about users.</summary>
/// <remarks>
/// <para>The same user id and salt always give the same pseudonym, e.g. <c>user_3fa2c1d09b7e4a55</c> (64 bits of the
/// HMAC, in hex), so posts and explanations can still be grouped by author. Without the salt a pseudonym cannot be
/// recomputed, so trying candidate ids (the usual way to reverse a plain hash of a small id space) does not work.</para>
/// <para>Every saved model carries its own random salt (<see cref="Packaging.ModelPackage"/> writes it as a separate
/// zip entry; the manifest records only <see cref="SaltId"/>), so pseudonyms are stable within one model and unlinkable
/// across models. Keep the model zip as private as the training data: it holds the salt and the text dictionary.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class UserIdHasher
{
    /// <summary>The salt length <see cref="CreateRandom"/> uses, in bytes.</summary>
    public const int SaltLength = 32;

    /// <summary>The shortest salt accepted, in bytes.</summary>
    public const int MinimumSaltLength = 16;

    /// <summary>What every pseudonym starts with. An underscore, not a hyphen, so that a pseudonym written as a mention
    /// (<c>@user_3fa2…</c>) still reads as one handle.</summary>
    public const string PseudonymPrefix = "user_";

    /// <summary>The zip entry of a saved model that holds the model's salt.</summary>
    public const string ModelEntryName = "crossmodal/user-id-salt.bin";

    private readonly byte[] _salt;

    private UserIdHasher(byte[] salt)
    {
        _salt = salt;
        SaltId = Convert.ToHexStringLower(SHA256.HashData([.. "CrossModalML user-id salt"u8, .. salt]))[..16];
    }

    /// <summary>A fingerprint of the salt (16 hex digits of a SHA-256 over it), safe to record: it tells two salts apart
    /// without revealing either.</summary>
    public string SaltId { get; }

    /// <summary>A hasher with a fresh random salt of <see cref="SaltLength"/> bytes.</summary>
    public static UserIdHasher CreateRandom() => new(RandomNumberGenerator.GetBytes(SaltLength));

    /// <summary>A hasher with a given salt, e.g. one kept by the operator to link pseudonyms across models.</summary>
    /// <param name="salt">At least <see cref="MinimumSaltLength"/> secret random bytes; the hasher keeps a copy.</param>
    /// <exception cref="ArgumentException">The salt is shorter than <see cref="MinimumSaltLength"/> bytes.</exception>
    public static UserIdHasher FromSalt(ReadOnlySpan<byte> salt)
    {
        if (salt.Length < MinimumSaltLength)
        {
            throw new ArgumentException($"A user-id salt needs at least {MinimumSaltLength} random bytes; got {salt.Length}. Use UserIdHasher.CreateRandom for a fresh one.", nameof(salt));
        }

        return new UserIdHasher(salt.ToArray());
    }

    /// <summary>
    /// A hasher keyed by a secret phrase the operator keeps (for example <c>--salt</c> of the analysis commands), so that
    /// reports written on different days give the same user the same pseudonym.
    /// </summary>
    /// <param name="secret">Any non-blank text; the key is its SHA-256, so its length does not matter, but a guessable
    /// phrase makes pseudonyms checkable against guessed ids.</param>
    /// <exception cref="ArgumentException">The secret is blank.</exception>
    public static UserIdHasher FromSecret(string secret)
    {
        if (string.IsNullOrWhiteSpace(secret))
        {
            throw new ArgumentException("A pseudonym secret must not be blank; leave it unset for a random one.", nameof(secret));
        }

        return new UserIdHasher(SHA256.HashData(Encoding.UTF8.GetBytes("CrossModalML user-id secret\n" + secret)));
    }

    /// <summary>The pseudonym of a user id: <see cref="PseudonymPrefix"/> and 16 hex digits.</summary>
    /// <param name="userId">The user id as written (compared exactly, after trimming); empty or blank gives empty.</param>
    public string Hash(string? userId)
    {
        var trimmed = userId?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return string.Empty;
        }

        var mac = HMACSHA256.HashData(_salt, Encoding.UTF8.GetBytes(trimmed));
        return PseudonymPrefix + Convert.ToHexStringLower(mac.AsSpan(0, 8));
    }

    /// <summary>Reads the salt a saved model carries.</summary>
    /// <param name="modelPath">A CrossModalML model zip.</param>
    /// <returns>The model's hasher, or <c>null</c> for a zip saved before models carried a salt.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not a zip, or its salt entry is too short.</exception>
    public static UserIdHasher? ReadFrom(string modelPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelPath);
        using var zip = ZipFile.OpenRead(modelPath);
        var entry = zip.GetEntry(ModelEntryName);
        if (entry is null)
        {
            return null;
        }

        using var stream = entry.Open();
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        var salt = memory.ToArray();
        if (salt.Length < MinimumSaltLength)
        {
            throw new InvalidDataException($"'{modelPath}': the entry '{ModelEntryName}' holds {salt.Length} bytes, fewer than a salt needs ({MinimumSaltLength}); the zip is damaged.");
        }

        return new UserIdHasher(salt);
    }

    /// <summary>Stores the salt in a model zip being written.</summary>
    internal void WriteTo(ZipArchive zip)
    {
        var entry = zip.CreateEntry(ModelEntryName, CompressionLevel.NoCompression);
        using var stream = entry.Open();
        stream.Write(_salt);
    }
}
