using MathNet.Numerics.LinearAlgebra;

namespace CrossModalML.Analysis.Retrieval;

/// <summary>Reads and writes dense matrices as row count, column count and little-endian doubles in column order.</summary>
internal static class MatrixIO
{
    public static void Write(BinaryWriter writer, Matrix<double> matrix)
    {
        writer.Write(matrix.RowCount);
        writer.Write(matrix.ColumnCount);
        foreach (var value in matrix.AsColumnMajorArray() ?? matrix.ToColumnMajorArray())
        {
            writer.Write(value);
        }
    }

    public static Matrix<double> Read(BinaryReader reader, int rows, int columns, string path)
    {
        try
        {
            int storedRows = reader.ReadInt32(), storedColumns = reader.ReadInt32();
            if (storedRows != rows || storedColumns != columns)
            {
                throw new InvalidDataException($"'{path}': a stored matrix is {storedRows}×{storedColumns}, but the manifest says {rows}×{columns}.");
            }

            var values = new double[rows * columns];
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = reader.ReadDouble();
            }

            return Matrix<double>.Build.DenseOfColumnMajor(rows, columns, values);
        }
        catch (EndOfStreamException ex)
        {
            throw new InvalidDataException($"'{path}': the stored matrices end early; the file is truncated.", ex);
        }
    }
}
