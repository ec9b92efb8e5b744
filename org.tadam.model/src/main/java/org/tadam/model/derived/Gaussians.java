package org.tadam.model.derived;

import java.util.List;

import org.tadam.model.Gaussian;

/** Reads the covariance of a {@link Gaussian}, stored as its upper triangle row by row. */
public final class Gaussians {

	private Gaussians() {
	}

	/** Number of upper-triangle entries of a d×d matrix. */
	public static int triangleSize(int dimension) {
		return dimension * (dimension + 1) / 2;
	}

	/** The full symmetric covariance matrix, or null when the triangle does not fit the mean's dimension. */
	public static double[][] covarianceMatrix(Gaussian gaussian) {
		int d = gaussian.getMean().size();
		List<Double> triangle = gaussian.getCovariance();
		if (triangle.size() != triangleSize(d)) {
			return null;
		}
		double[][] matrix = new double[d][d];
		int k = 0;
		for (int i = 0; i < d; i++) {
			for (int j = i; j < d; j++) {
				matrix[i][j] = triangle.get(k);
				matrix[j][i] = triangle.get(k);
				k++;
			}
		}
		return matrix;
	}

	/**
	 * True when the symmetric matrix is positive semi-definite, tested by a Cholesky factorisation of
	 * {@code matrix + tolerance·I} (a tiny tolerance accepts the variance floor of 1e-6 and rounding in files).
	 */
	public static boolean isPositiveSemiDefinite(double[][] matrix, double tolerance) {
		int d = matrix.length;
		double[][] l = new double[d][d];
		for (int i = 0; i < d; i++) {
			for (int j = 0; j <= i; j++) {
				double sum = matrix[i][j] + (i == j ? tolerance : 0);
				for (int k = 0; k < j; k++) {
					sum -= l[i][k] * l[j][k];
				}
				if (i == j) {
					if (sum < 0) {
						return false;
					}
					l[i][i] = Math.sqrt(sum);
				} else {
					l[i][j] = l[j][j] == 0 ? 0 : sum / l[j][j];
				}
			}
		}
		return true;
	}
}
